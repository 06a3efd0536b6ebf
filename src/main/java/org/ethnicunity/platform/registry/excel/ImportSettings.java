package org.ethnicunity.platform.registry.excel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the unit import from .xlsx (docs/registry.md): a larger file or more rows is refused
 * whole, before any row is checked.
 *
 * @param maxSize the largest file accepted (the page's upload is also capped by
 *                spring.servlet.multipart.max-file-size, set above this)
 * @param maxRows the most unit rows one file may carry
 */
@ConfigurationProperties("app.registry.import")
public record ImportSettings(@DefaultValue("5MB") DataSize maxSize, @DefaultValue("5000") int maxRows) {

    public ImportSettings {
        if (maxSize.toBytes() < 1024) {
            throw new IllegalArgumentException("app.registry.import.max-size 至少为 1KB / must be at least 1KB: " + maxSize);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("app.registry.import.max-rows 至少为 1 / must be at least 1: " + maxRows);
        }
    }
}
