package org.ethnicunity.platform.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With {@code -Dbenchmark.statements=true}: what the database spent each phase on, statement by
 * statement (PostgreSQL's pg_stat_statements: calls, total and mean time, rows), the top ones of each
 * phase appended to {@code target/benchmarks/statements-{tuned|stock}-N.md}. The embedded server
 * loads the module itself; a server given by URL must have it in shared_preload_libraries.
 */
final class Statements {

    static final boolean ON = Boolean.getBoolean("benchmark.statements");
    private static final int TOP = Integer.getInteger("benchmark.statements-top", 25);

    private final JdbcClient jdbc;
    private final Path file;

    private Statements(JdbcClient jdbc, Path file) {
        this.jdbc = jdbc;
        this.file = file;
    }

    /** Starts counting (or does nothing when off); the file starts empty. */
    static Statements start(JdbcClient jdbc, Path file) throws IOException {
        if (!ON) {
            return new Statements(jdbc, null);
        }
        jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# Statements per phase (pg_stat_statements, top " + TOP + " by total time)\n",
                StandardCharsets.UTF_8);
        jdbc.sql("SELECT pg_stat_statements_reset()").query(Object.class).list();
        return new Statements(jdbc, file);
    }

    /** Writes the phase that just ended (per item: the calls divided by {@code items}) and starts the next. */
    void phase(String name, int items) throws IOException {
        if (file == null) {
            return;
        }
        StringBuilder out = new StringBuilder("\n## " + name + "\n\n");
        var total = jdbc.sql("""
                SELECT coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0) FROM pg_stat_statements
                WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())""")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
        out.append("%,.0f statements, %,.0f ms in the database; per item (%d): %.1f statements, %.2f ms%n%n".formatted(
                total[0], total[1], items, total[0] / Math.max(items, 1), total[1] / Math.max(items, 1)));
        out.append("| calls | per item | total ms | mean ms | rows | statement |\n|---|---|---|---|---|---|\n");
        jdbc.sql("""
                SELECT calls, total_exec_time, mean_exec_time, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 160)
                FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                ORDER BY total_exec_time DESC LIMIT :top""").param("top", TOP)
                .query((rs, n) -> "| %d | %.2f | %.1f | %.3f | %d | `%s` |%n".formatted(rs.getLong(1),
                        rs.getLong(1) / (double) Math.max(items, 1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4),
                        rs.getString(5).replace("|", "\\|").replace("`", "'")))
                .list().forEach(out::append);
        Files.writeString(file, out, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        jdbc.sql("SELECT pg_stat_statements_reset()").query(Object.class).list();
    }
}
