package org.ethnicunity.platform.deadlines;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the working-day calendar while the environment is prepared, before the database pool, Flyway
 * or the engine exist: a bad {@code cn-YYYY.txt} used to be refused only after the engine had created
 * its 67 tables in an empty database. The calendar bean reads the files again (a few kilobytes).
 */
public class CalendarCheck implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Binding also checks app.calendar.warn-from (the record refuses a day that is not MM-DD).
        CalendarSettings settings = Binder.get(environment).bindOrCreate("app.calendar", CalendarSettings.class);
        ClassLoader classLoader = application == null ? null : application.getClassLoader();
        try {
            CalendarConfiguration.read(settings.location(),
                    new PathMatchingResourcePatternResolver(new DefaultResourceLoader(classLoader)));
        } catch (IOException e) {
            throw new UncheckedIOException("工作日历 " + settings.location() + " 无法读取 / cannot be read", e);
        }
    }
}
