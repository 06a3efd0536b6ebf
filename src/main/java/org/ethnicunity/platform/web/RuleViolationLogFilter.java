package org.ethnicunity.platform.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.ethnicunity.platform.engine.RuleViolation;
import org.slf4j.Marker;

/**
 * The engine logs every exception that ends a command as an error with its stack trace
 * (ENGINE-16004). A refused form value or broken rule is an answer to the user, not a fault: those
 * are dropped from the log, everything else stays. Registered in logback-spring.xml.
 */
public class RuleViolationLogFilter extends TurboFilter {

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || !level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith("org.camunda.bpm.engine")) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t;
        if (thrown == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
            thrown = last;
        }
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleViolation) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
