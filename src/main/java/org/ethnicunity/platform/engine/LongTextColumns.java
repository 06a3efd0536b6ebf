package org.ethnicunity.platform.engine;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Texts as long as the forms allow. Camunda keeps a String variable in {@code TEXT_ varchar(4000)}
 * (the manual on process variables: the length is not checked by the engine, the database refuses a
 * longer value), so a 4,500-character annual report ended in a 500 「An exception occurred in the
 * persistence layer」. The platform's own limit is {@code Variable.TEXT_MAX} (20,000 characters, checked
 * in Chinese by every form's check). On PostgreSQL the value columns of the variables, their history
 * and the decisions' inputs and outputs become {@code text}.
 * <p>
 * Why widen rather than store long texts otherwise (a serializer turning them into byte arrays, or
 * Object/JSON values): the variable stays a plain String for every reader — Tasklist's forms, the REST
 * API's {@code /variables}, history, the task filters' {@code variableValueEquals} and this platform's
 * own SQL on {@code act_ru_variable.text_} — and nothing changes for the values already stored. For
 * PostgreSQL {@code varchar(n)} to {@code text} is binary compatible: no table is rewritten, the
 * statement only takes a short lock, and no index of Camunda's covers these columns (a btree index
 * would refuse rows over ~2,700 bytes). Checked first, so a second start (another node, a restart)
 * changes nothing; a schema created by Camunda's SQL scripts by hand gets the same change at the first
 * start. Not tied to {@code app.database.engine-indexes}: the stock profile keeps Camunda's tuning but
 * must still store what its forms accept. Another database keeps Camunda's columns and is logged.
 */
@Component
class LongTextColumns extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(LongTextColumns.class);
    /** The tables holding typed variable values (runtime, history, history details, decision inputs/outputs). */
    static final List<String> TABLES = List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail", "act_hi_dec_in",
            "act_hi_dec_out");
    /** TEXT_ holds a String's value; TEXT2_ the second text of some types (an object's type name, a file's). */
    static final List<String> COLUMNS = List.of("text_", "text2_");

    private final JdbcTemplate jdbc;

    LongTextColumns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        String database = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        if (!"PostgreSQL".equals(database)) {
            log.warn("Database {}: String variables stay limited to Camunda's 4,000 characters (TEXT_ varchar(4000)); "
                    + "texts up to 20,000 characters need PostgreSQL (docs/operations.md)", database);
            return;
        }
        for (String table : TABLES) {
            for (String column : COLUMNS) {
                if (limited(table, column)) {
                    jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE text");
                    log.info("{}.{} widened from varchar(4000) to text: long texts of forms are stored", table, column);
                }
            }
        }
    }

    /** Whether the column still has a length limit (varchar(n)), in the schema the engine uses. */
    private boolean limited(String table, String column) {
        Integer length = jdbc.query("""
                SELECT a.atttypmod FROM pg_attribute a
                 WHERE a.attrelid = to_regclass(?) AND a.attname = ? AND NOT a.attisdropped
                   AND a.atttypid = 'varchar'::regtype""",
                rs -> rs.next() ? rs.getInt(1) : null, table, column);
        return length != null;
    }
}
