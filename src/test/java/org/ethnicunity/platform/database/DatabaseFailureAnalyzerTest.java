package org.ethnicunity.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import org.ethnicunity.platform.DemonstrationUnitsApplication;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** The cause of a database that cannot be reached, named in the start-up report whatever bean met it first. */
class DatabaseFailureAnalyzerTest {

    private static final String URL = "jdbc:postgresql://db.example:5432/mzw?sslmode=require&password=Secret123";

    private final DatabaseFailureAnalyzer analyzer = new DatabaseFailureAnalyzer(
            new MockEnvironment().withProperty("spring.datasource.url", URL).withProperty("spring.datasource.username", "mzw"));

    @Test
    void aWrongPasswordIsNamedWithTheUrlButNotThePassword() {
        FailureAnalysis analysis = analyze(new PSQLException("FATAL: password authentication failed for user \"mzw\"",
                PSQLState.INVALID_PASSWORD));
        assertThat(analysis.getDescription()).contains("数据库拒绝登录：用户名或密码错误（SQL 状态 28P01）", "wrong user or password",
                "jdbc:postgresql://db.example:5432/mzw?sslmode=require&password=***", "用户 / user mzw")
                .doesNotContain("Secret123");
        assertThat(analysis.getAction()).contains("DB_USER", "DB_PASSWORD");
    }

    @Test
    void aMissingDatabaseIsNamed() {
        FailureAnalysis analysis = analyze(new SQLException("FATAL: database \"mzw\" does not exist", "3D000"));
        assertThat(analysis.getDescription()).contains("数据库不存在（SQL 状态 3D000）", "does not exist");
        assertThat(analysis.getAction()).contains("CREATE DATABASE");
    }

    @Test
    void aRefusedOrTimedOutConnectionIsNamed() {
        FailureAnalysis refused = analyze(new PSQLException("Connection to db.example:5432 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused")));
        assertThat(refused.getDescription()).contains("无法连接数据库：连接被拒绝", "cannot be reached", "ConnectException");
        FailureAnalysis timedOut = analyze(new PSQLException("The connection attempt failed.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new SocketTimeoutException("connect timed out")));
        assertThat(timedOut.getDescription()).contains("连接超时 / connection timed out");
        assertThat(timedOut.getAction()).contains("主机和端口");
    }

    @Test
    void otherFailuresAreLeftToTheOrdinaryReport() {
        assertThat(analyzer.analyze(new BeanCreationException("flyway", new SQLException("syntax error", "42601")))).isNull();
        assertThat(analyzer.analyze(new IllegalStateException("no"))).isNull();
    }

    @Test
    void userInfoPasswordsAreHiddenToo() {
        assertThat(DatabaseFailureAnalyzer.withoutPassword("jdbc:postgresql://mzw:Secret@db:5432/mzw"))
                .isEqualTo("jdbc:postgresql://mzw:***@db:5432/mzw");
    }

    /** A real start against a port nobody listens on: the report names the refused connection. */
    @Test
    void aStartAgainstAnUnreachableDatabaseIsExplained() {
        String url = "jdbc:postgresql://127.0.0.1:1/mzw";
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(DemonstrationUnitsApplication.class)
                .profiles("prod")
                .properties("server.port=0", "spring.main.banner-mode=off", "camunda.bpm.process-engine-name=unreachable",
                        "camunda.bpm.webapp.enabled=false", "spring.datasource.hikari.connection-timeout=2000")
                .run("--DB_URL=" + url, "--spring.datasource.url=" + url).close());
        assertThat(failure).isNotNull();
        FailureAnalysis analysis = new DatabaseFailureAnalyzer(new MockEnvironment().withProperty("spring.datasource.url", url))
                .analyze(failure);
        assertThat(analysis).as("report for %s", failure).isNotNull();
        assertThat(analysis.getDescription()).contains("无法连接数据库", url);
    }

    /**
     * A real start against a running server without the named database. (The embedded server trusts
     * every local login, so a wrong password cannot be tried against it; 28P01 is tested above.)
     */
    @Test
    void aStartAgainstAMissingDatabaseIsExplained() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/nosuchdb";
            Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(DemonstrationUnitsApplication.class)
                    .profiles("prod")
                    .properties("server.port=0", "spring.main.banner-mode=off", "camunda.bpm.process-engine-name=missingDatabase",
                            "camunda.bpm.webapp.enabled=false")
                    // application.yml reads the user from DB_USER: arguments outrank it, default properties do not
                    .run("--DB_URL=" + url, "--spring.datasource.url=" + url, "--DB_USER=postgres").close());
            FailureAnalysis analysis = new DatabaseFailureAnalyzer(new MockEnvironment().withProperty("spring.datasource.url", url))
                    .analyze(failure);
            assertThat(analysis).as("report for %s", failure).isNotNull();
            assertThat(analysis.getDescription()).contains("数据库不存在（SQL 状态 3D000）", url, "nosuchdb");
        }
    }

    private FailureAnalysis analyze(SQLException cause) {
        // As Hikari and the bean factory wrap it: the first bean named is unrelated.
        return analyzer.analyze(new BeanCreationException("reminderQueue", "Error creating bean",
                new RuntimeException("Failed to initialize pool: " + cause.getMessage(), cause)));
    }
}
