package org.ethnicunity.platform.engine;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Adds our error mapping to the Jersey application that serves Camunda's {@code /engine-rest}. */
@Configuration(proxyBeanMethods = false)
class RestErrorConfiguration {

    @Bean
    ResourceConfigCustomizer refusedInputIsABadRequest() {
        return config -> config.register(RefusedInputMapper.class);
    }
}
