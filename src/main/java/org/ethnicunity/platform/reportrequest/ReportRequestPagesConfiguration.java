package org.ethnicunity.platform.reportrequest;

import org.camunda.bpm.engine.IdentityService;
import org.ethnicunity.platform.web.PersonPage;
import org.ethnicunity.platform.web.WebappLogin;
import org.ethnicunity.platform.web.WebappLoginFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The report request's page runs as the user logged in to Tasklist, like the registry's pages (not HTTP Basic). */
@Configuration(proxyBeanMethods = false)
class ReportRequestPagesConfiguration {

    @Bean
    FilterRegistrationBean<WebappLoginFilter> reportRequestPagesLogin(WebappLogin login, IdentityService identity) {
        return PersonPage.loginFilter("report-request-pages-login", ReportRequestPage.PATH + "*", login, identity);
    }
}
