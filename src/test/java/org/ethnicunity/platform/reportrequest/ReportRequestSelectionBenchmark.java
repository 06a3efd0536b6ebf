package org.ethnicunity.platform.reportrequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.launcher.LaunchKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long 工作报送's member statement takes over a region of 50,000 units (all of them, then the
 * 25,000 holding a banner title, payloads included), in a transaction rolled back afterwards. Not part
 * of the suite (no timed assertion there; ReportRequestLaunchTest checks the rows at 2,000); run it
 * with {@code mvn -B test -Pbenchmark -Dtest=ReportRequestSelectionBenchmark [-Dbenchmark.units=50000]}.
 * The figure goes to target/benchmarks/report-request-selection.txt; docs/benchmarks.md keeps the
 * target (15 s, the limit the suite used to assert).
 */
class ReportRequestSelectionBenchmark extends IntegrationTest {

    @Autowired List<LaunchKind> kinds;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactionManager;

    @Test
    void aRegionsUnitsInOneStatement() throws Exception {
        int units = Integer.getInteger("benchmark.units", 50_000);
        LaunchKind kind = kinds.stream().filter(k -> k.code().equals("REPORT_REQUEST")).findFirst().orElseThrow();
        String sql = kind.memberSql(ReportRequestLaunchTest.request("活动月总结", "请报送", TestClock.today().plusDays(30),
                "UNITS", null));
        String figures = new TransactionTemplate(transactionManager).execute(status -> {
            ReportRequestLaunchTest.seedRegion(jdbc, units);
            long started = System.nanoTime();
            int all = ReportRequestLaunchTest.rows(jdbc, sql, "1596%", "159600", null, null, null).size();
            int holding = ReportRequestLaunchTest.rows(jdbc, sql, "1596%", "159600", "BANNER", null, null).size();
            long millis = (System.nanoTime() - started) / 1_000_000;
            status.setRollbackOnly();
            assertThat(all).isEqualTo(units);
            assertThat(holding).isEqualTo(units / 2);
            return String.format("report-request member statement: %d units, %d holding a banner title: %d ms "
                    + "for both selections with their payloads (target: under 15,000 ms)%n", all, holding, millis);
        });
        Path report = Path.of("target/benchmarks/report-request-selection.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, figures);
        System.out.println(figures);
    }
}
