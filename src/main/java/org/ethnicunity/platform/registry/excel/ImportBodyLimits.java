package org.ethnicunity.platform.registry.excel;

import org.ethnicunity.platform.web.BodyLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The import APIs take the workbook as the request body, up to {@code app.registry.import.max-size}
 * (5 MB), above the general body limit (web.BoundedBodies). Their own reader stops one byte past the
 * import limit and says so in its own words; the body limit, a little higher, only bounds the rest.
 */
@Configuration(proxyBeanMethods = false)
class ImportBodyLimits {

    private static final long MARGIN = 64 * 1024;

    @Bean
    BodyLimit unitImportBody(ImportSettings settings) {
        return limit("/api/registry/units/import", settings);
    }

    @Bean
    BodyLimit nationalImportBody(ImportSettings settings) {
        return limit("/api/designations/national/import", settings);
    }

    private static BodyLimit limit(String path, ImportSettings settings) {
        return new BodyLimit(path, settings.maxSize().toBytes() + MARGIN, "文件超过导入上限 "
                + settings.maxSize().toMegabytes() + " MB，请分成几个文件导入");
    }
}
