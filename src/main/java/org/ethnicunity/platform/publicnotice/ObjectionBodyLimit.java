package org.ethnicunity.platform.publicnotice;

import org.ethnicunity.platform.web.BodyLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public page's objection form is open to anyone: its requests are bounded to
 * {@code app.public-notice.max-request-bytes} (32 KB) however they are sent, chunked included
 * (web.BoundedBodies), before the form is parsed or the rate limit counts them.
 */
@Configuration(proxyBeanMethods = false)
class ObjectionBodyLimit {

    @Bean
    BodyLimit objectionBody(PublicNoticeSettings settings) {
        return new BodyLimit("/public/notices/", settings.maxRequestBytes(),
                "提交内容过长：异议内容请精简后重新提交；证据材料请以链接方式提供。");
    }
}
