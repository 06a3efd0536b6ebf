package org.ethnicunity.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.ethnicunity.platform.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The variable value columns are {@code text} after the start, and a second start (another node, a
 * restart) finds them so and changes nothing.
 */
class LongTextColumnsTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void everyValueColumnIsTextAndASecondStartChangesNothing() {
        assertAllText();
        new LongTextColumns(jdbc).postProcessEngineBuild(engine);
        assertAllText();
    }

    private void assertAllText() {
        for (String table : LongTextColumns.TABLES) {
            for (String column : LongTextColumns.COLUMNS) {
                assertThat(jdbc.queryForObject("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                        + "WHERE attrelid = to_regclass(?) AND attname = ?", String.class, table, column))
                        .as(table + "." + column).isEqualTo("text");
            }
        }
    }
}
