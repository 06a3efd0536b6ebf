package org.ethnicunity.platform.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Adds our error mapping ({@link RefusedInputMapper}: refused input is 400; {@link RaceLostMapper}: a
 * lost race is 409, an unknown task 404) to every Jersey application of the platform: Camunda's {@code /engine-rest} and
 * the web apps' {@code /camunda/api/engine}, through which Tasklist works and whose message it shows.
 * The web apps build their Jersey applications from fixed class lists, so Jersey's auto-discovery
 * (this class is listed in {@code META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable})
 * is the one way in that reaches both.
 */
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public class RestErrors implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        for (Class<?> mapper : new Class<?>[] {RefusedInputMapper.class, RaceLostMapper.class,
                RaceLostMapper.UnknownTaskMapper.class}) {
            if (!context.getConfiguration().isRegistered(mapper)) {
                context.register(mapper);
            }
        }
    }
}
