package org.ethnicunity.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The embedded server takes any setting from app.embedded-postgres.server-config (the benchmark reads
 * slow plans with it), beside the ones the configuration sets itself.
 */
class EmbeddedServerConfigTest {

    @Test
    void settingsOfTheServerConfigMapReachTheEmbeddedServer() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "app.embedded-postgres.server-config.[auto_explain.log_min_duration]", "250",
                "app.embedded-postgres.server-config.work_mem", "8MB")));
        EmbeddedPostgresConfiguration.EmbeddedDatabase database = new EmbeddedPostgresConfiguration()
                .embeddedDatabase(0, "", "off", "off", "1.1", "0.01", "10s", "auto_explain", environment);
        try (Connection connection = database.postgres().getPostgresDatabase().getConnection()) {
            assertThat(show(connection, "auto_explain.log_min_duration")).isEqualTo("250ms");
            assertThat(show(connection, "work_mem")).isEqualTo("8MB");
            // the configuration's own settings are still there
            assertThat(show(connection, "random_page_cost")).isEqualTo("1.1");
            assertThat(show(connection, "autovacuum_naptime")).isEqualTo("10s");
        } finally {
            database.destroy();
        }
    }

    private static String show(Connection connection, String setting) throws Exception {
        try (ResultSet rs = connection.createStatement().executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
