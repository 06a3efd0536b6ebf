package org.ethnicunity.platform.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.ethnicunity.platform.DemonstrationUnitsApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A bad calendar file ends start-up before anything touches the database. */
class CalendarCheckTest {

    @Test
    void aBadCalendarFileIsRefusedBeforeAnyTableIsCreated(@TempDir Path calendar) throws Exception {
        Files.writeString(calendar.resolve("cn-2031.txt"), "2031-02-30 holiday 错误日期\n");
        try (EmbeddedPostgres empty = EmbeddedPostgres.builder().start()) {
            String url = empty.getJdbcUrl("postgres", "postgres");
            Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(DemonstrationUnitsApplication.class)
                    .profiles("dev")
                    .properties("server.port=0", "spring.main.banner-mode=off", "camunda.bpm.process-engine-name=badCalendar",
                            "camunda.bpm.webapp.enabled=false", "app.demo.external-database-allowed=true")
                    .run("--DB_URL=" + url, "--spring.datasource.url=" + url, "--DB_USER=postgres",
                            "--app.calendar.location=file:" + calendar + "/").close());

            assertThat(failure).isInstanceOf(WorkingDayCalendar.CalendarDataException.class)
                    .hasMessageContaining("cn-2031.txt 第 1 行");
            FailureAnalysis report = new CalendarFailureAnalyzer().analyze(failure);
            assertThat(report.getDescription()).contains("工作日历文件有误 / bad working-day calendar file", "cn-2031.txt 第 1 行");
            try (Connection connection = empty.getPostgresDatabase().getConnection();
                 ResultSet tables = connection.createStatement().executeQuery(
                         "select count(*) from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')")) {
                tables.next();
                assertThat(tables.getInt(1)).isZero();
            }
        }
    }
}
