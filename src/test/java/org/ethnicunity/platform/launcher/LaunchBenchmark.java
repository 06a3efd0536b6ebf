package org.ethnicunity.platform.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * How fast a launch starts its members through the real launcher (selection, batches on the job's
 * workers, history full), on embedded PostgreSQL with synchronous commit on. Not part of the suite
 * (no timed assertions); run it with
 * {@code mvn test -Dtest=LaunchBenchmark -Dbenchmark.members=10000 [-Dbenchmark.kind=ANNUAL_REVIEW]
 * [-Dapp.launcher.workers=2 -Dapp.launcher.batch-size=50]}. Figures are appended to
 * target/benchmarks/launch.txt; docs/benchmarks.md keeps the measured ones.
 */
// The dev profile writes every mail's text to the log (a demo aid, off in production): off here too.
@TestPropertySource(properties = {"app.embedded-postgres.synchronous-commit=on", "app.launcher.job-budget=PT60S",
        "app.mail.log-content=false"})
class LaunchBenchmark extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired LaunchRepository launches;
    @Value("${app.launcher.workers}") int workers;
    @Value("${app.launcher.batch-size}") int batchSize;

    @Test
    void launchManyMembers() throws Exception {
        int members = Integer.getInteger("benchmark.members", 10_000);
        String kind = System.getProperty("benchmark.kind", "ANNUAL_REVIEW");
        String city = "170100";
        long seeded = System.nanoTime();
        seed(city, members);
        double seedSeconds = (System.nanoTime() - seeded) / 1e9;

        Map<String, Object> form = new HashMap<>();
        form.put("launchKind", kind);
        form.put("regionCode", city);
        form.put("reviewYear", TestClock.today().getYear());
        form.put("reportDueDate", TestClock.today().plusDays(30).toString());
        form.put("finalDeadline", TestClock.today().plusDays(60).toString());
        form.put("launchTitle", "基准测试 " + members);
        form.put("instructions", "基准测试：请报送");
        form.put("audience", "UNITS");
        long started = System.nanoTime();
        String instance = engine.getRuntimeService().startProcessInstanceByKey("launch", form).getId();
        double selectSeconds = (System.nanoTime() - started) / 1e9;
        long launchId = launches.findByProcessInstance(instance).orElseThrow().id();
        StringBuilder jobs = new StringBuilder();
        for (int round = 1; ; round++) {
            Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
            if (job == null) {
                break;
            }
            long jobStarted = System.nanoTime();
            int before = launches.progress(launchId).started();
            engine.getManagementService().executeJob(job.getId());
            int after = launches.progress(launchId).started();
            double s = (System.nanoTime() - jobStarted) / 1e9;
            jobs.append(String.format("  job %d: %d started in %.1f s (%.0f/s)%n", round, after - before, s, (after - before) / s));
        }
        double totalSeconds = (System.nanoTime() - started) / 1e9;
        Launch done = launches.find(launchId).orElseThrow();

        String figures = String.format("""
                %s %s: %d members (seeded in %.1f s), workers %d, batch %d, synchronous_commit %s, history %s
                  selection (launch instance, %d member rows, filter): %.2f s
                %s  launch end to end: %d started, %d failed in %.1f s = %.0f instances/s
                """, LocalDate.now(), kind, members, seedSeconds, workers, batchSize,
                jdbc.sql("SHOW synchronous_commit").query(String.class).single(),
                engine.getManagementService().getHistoryLevel() == 3 ? "full" : String.valueOf(engine.getManagementService().getHistoryLevel()),
                done.total(), selectSeconds, jobs, done.progress().started(), done.progress().failed(), totalSeconds,
                done.progress().started() / totalSeconds);
        Path report = Path.of("target/benchmarks/launch.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, figures, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(figures);
    }

    /** Units over ten banners of the city, each holding a banner title named four years ago. */
    private void seed(String city, int members) {
        String prefix = city.substring(0, 4);
        jdbc.sql("""
                INSERT INTO registry.unit (name, unit_type, region_code, contact_user, contact_name, contact_email)
                SELECT '基准单位' || :prefix || '-' || g, 'SCHOOL', :prefix || lpad(((g % 10) + 1)::text, 2, '0'),
                       'bench' || (g % 500), '联系人' || g, 'bench' || (g % 500) || '@bench.example'
                FROM generate_series(1, :n) g""").param("prefix", prefix).param("n", members).update();
        jdbc.sql("""
                INSERT INTO registry.designation (unit_id, level, status, named_date, document_number, expiry_date)
                SELECT id, 'BANNER', 'NAMED', :named, '基准〔' || id || '〕号', :expiry
                FROM registry.unit WHERE region_code LIKE :pattern""")
                .param("named", TestClock.today().minusYears(4)).param("expiry", TestClock.today().plusYears(1))
                .param("pattern", prefix + "%").update();
    }
}
