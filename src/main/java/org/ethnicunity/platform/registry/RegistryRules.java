package org.ethnicunity.platform.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the registry's rules (DOMAIN.md "Rules"); defaults as published, changeable per deployment. */
@ConfigurationProperties("app.rules")
public record RegistryRules(@DefaultValue("5") int titleValidityYears,
                            @DefaultValue("3") int revocationLockoutYears) {
}
