package org.ethnicunity.platform.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused configuration as Spring Boot's short "APPLICATION FAILED TO START" report, not a stack trace. */
public class UnsafeConfigurationAnalyzer extends AbstractFailureAnalyzer<SafeDefaults.UnsafeConfiguration> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SafeDefaults.UnsafeConfiguration cause) {
        return new FailureAnalysis(cause.getMessage(), "见 docs/security.md 与 docs/operations.md / see docs/security.md", cause);
    }
}
