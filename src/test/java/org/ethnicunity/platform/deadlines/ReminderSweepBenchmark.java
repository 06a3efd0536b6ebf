package org.ethnicunity.platform.deadlines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long one reminder sweep takes over many open tasks, and how long sending its digests takes.
 * Not part of the test suite (no timed assertions); run it with
 * {@code mvn test -Dtest=ReminderSweepBenchmark -Dbenchmark.tasks=5000}. Figures go to
 * target/benchmarks/reminder-sweep.txt; docs/benchmarks.md keeps the measured ones.
 */
@TestPropertySource(properties = "app.embedded-postgres.synchronous-commit=on")
class ReminderSweepBenchmark extends IntegrationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired ReminderSweep sweep;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void sweepOverManyOpenTasks() throws Exception {
        int tasks = Integer.getInteger("benchmark.tasks", 5000);
        int groups = Integer.getInteger("benchmark.groups", 50);
        int membersPerGroup = Integer.getInteger("benchmark.members", 4);
        engine.getRepositoryService().createDeployment().name("benchmark")
                .addClasspathResource("benchmark/benchmark-task.bpmn").deploy();
        IdentityService identity = engine.getIdentityService();
        for (int g = 0; g < groups; g++) {
            String region = String.format("15%04d", 9000 + g);
            group("prelim-" + region);
            group("supervision-" + region);
            for (int m = 0; m < membersPerGroup; m++) {
                member("bp" + region + "m" + m, "prelim-" + region);
            }
            member("bs" + region, "supervision-" + region);
        }
        at(2026, 11, 2, 10);
        long started = System.nanoTime();
        for (int i = 0; i < tasks; i++) {
            String region = String.format("15%04d", 9000 + i % groups);
            // A third each: due soon, overdue, overdue long enough to escalate.
            ZonedDateTime due = switch (i % 3) {
                case 0 -> ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, ZONE);
                case 1 -> ZonedDateTime.of(2026, 11, 20, 10, 0, 0, 0, ZONE);
                default -> ZonedDateTime.of(2026, 11, 10, 10, 0, 0, 0, ZONE);
            };
            engine.getRuntimeService().startProcessInstanceByKey("benchmarkTask", Map.of("group", "prelim-" + region,
                    "dueDate", Date.from(due.toInstant()), "unitName", "基准单位" + i));
        }
        double setupSeconds = (System.nanoTime() - started) / 1e9;

        at(2026, 11, 23, 10);
        started = System.nanoTime();
        ReminderSweep.Run run = new TransactionTemplate(transactions).execute(tx -> sweep.run());
        double sweepSeconds = (System.nanoTime() - started) / 1e9;
        int received = greenMail.getReceivedMessages().length;
        TestClock.pin();

        String figures = String.format("""
                open tasks created: %d in %.1f s (%.0f/s)
                sweep (find tasks, recipients, render and queue digests): %d tasks, %d recipients, %d digests queued, %d tasks escalated: %.2f s
                sweep plus sending after commit to the SMTP server (GreenMail on loopback): %d mails received, %.2f s in all
                """, tasks, setupSeconds, tasks / setupSeconds, run.tasks(), run.recipients(), run.digestsQueued(),
                run.escalatedTasks(), run.millis() / 1000.0, received, sweepSeconds);
        Path report = Path.of("target/benchmarks/reminder-sweep.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, figures);
        System.out.println(figures);
    }

    private void group(String id) {
        Group group = engine.getIdentityService().newGroup(id);
        group.setName(id);
        engine.getIdentityService().saveGroup(group);
    }

    private static void at(int year, int month, int day, int hour) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, ZONE).toInstant()));
    }
}
