package org.ethnicunity.platform.registry.web;

import org.camunda.bpm.engine.IdentityService;
import org.ethnicunity.platform.web.PersonPage;
import org.ethnicunity.platform.web.WebappLogin;
import org.ethnicunity.platform.web.WebappLoginFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry's pages for people ({@code /registry/*}, linked from the mails) run as the user
 * logged in to Tasklist, not behind HTTP Basic like {@code /api}.
 */
@Configuration(proxyBeanMethods = false)
class RegistryPagesConfiguration {

    static final String PAGES = "/registry/*";

    @Bean
    FilterRegistrationBean<WebappLoginFilter> registryPagesLogin(WebappLogin login, IdentityService identity) {
        return PersonPage.loginFilter("registry-pages-login", PAGES, login, identity);
    }
}
