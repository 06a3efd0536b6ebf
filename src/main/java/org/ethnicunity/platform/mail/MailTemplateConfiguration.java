package org.ethnicunity.platform.mail;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Plain-text mail templates ({@code templates/mail/*.txt}) beside Boot's HTML resolver. */
@Configuration(proxyBeanMethods = false)
class MailTemplateConfiguration {

    @Bean
    ClassLoaderTemplateResolver textMailTemplateResolver() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setResolvablePatterns(Set.of("mail/*.txt"));
        resolver.setOrder(0);
        resolver.setCheckExistence(true);
        return resolver;
    }
}
