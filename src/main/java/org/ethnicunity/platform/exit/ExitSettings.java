package org.ethnicunity.platform.exit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the exit process (DOMAIN.md "Rules": the unit may state its case within 10 working
 * days by default). The revocation lockout is the registry's {@code app.rules.revocation-lockout-years}.
 *
 * @param statementWorkingDays the statement window (陈述申辩) in working days after the written notice
 */
@ConfigurationProperties("app.exit")
public record ExitSettings(@DefaultValue("10") int statementWorkingDays) {

    public ExitSettings {
        if (statementWorkingDays < 1) {
            throw new IllegalArgumentException("app.exit.statement-working-days must be at least 1");
        }
    }
}
