package org.ethnicunity.platform.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic against Camunda's identity service for the engine's REST API, the registry's
 * {@code /api} and the administrators' {@code /actuator/reminders}: all closed to anonymous callers.
 * The filter also sets the engine's current authentication for the request, so Camunda's
 * authorizations (region and role) apply to every call. {@link EngineApiAccessFilter} then keeps
 * everybody but administrators to the calls of their own work, on this door and the web apps'.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfiguration {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("rest-authentication");
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/reminders");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.setOrder(10);
        return registration;
    }

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
