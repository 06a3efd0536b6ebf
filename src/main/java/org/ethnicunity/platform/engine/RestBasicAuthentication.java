package org.ethnicunity.platform.engine;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic against Camunda's identity service for the engine's REST API, the registry's
 * {@code /api} and the administrators' {@code /actuator/reminders}: all closed to anonymous callers.
 * The filter also sets the engine's current authentication for the request, so Camunda's
 * authorizations (region and role) apply to every call. Its provider is one of the REST API's
 * internal classes, hence here; {@code security.RestAuthenticationConfiguration} adds the filter that
 * keeps non-administrators to the calls of their own work (order 11, after this one).
 */
@Configuration(proxyBeanMethods = false)
class RestBasicAuthentication {

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
}
