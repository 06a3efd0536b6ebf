package org.ethnicunity.platform.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * After HTTP Basic ({@code engine.RestBasicAuthentication}, order 10), {@link EngineApiAccessFilter}
 * keeps everybody but administrators to the calls of their own work, on this door and the web apps'.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfiguration {

    /** After the Basic filter, so that the engine knows the caller of {@code /engine-rest}. */
    @Bean
    FilterRegistrationBean<EngineApiAccessFilter> engineApiAccessFilter(IdentityService identity,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<EngineApiAccessFilter> registration =
                new FilterRegistrationBean<>(new EngineApiAccessFilter(identity, webappPath));
        registration.setName("engine-api-access");
        registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/*");
        registration.setOrder(11);
        return registration;
    }
}
