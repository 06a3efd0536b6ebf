package org.ethnicunity.platform.benchmark;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ethnicunity.platform.DemonstrationUnitsApplication;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.deadlines.ReminderSweep;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.mail.OutboxSender;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A region's whole year in one run (issue #10): the database's own limit, a campaign launch of N annual
 * reviews through the real launcher, completions through the real form path, Tasklist's two REST calls
 * while N tasks are open, the reminder sweep over everything overdue, start-up time and heap. Not part
 * of the suite (no timed assertion anywhere); run it with {@code mvn -B test -Pbenchmark} and the
 * switches below. docs/benchmarks.md keeps the figures; docs/sizing.md reads them.
 * <ul>
 * <li>{@code -Dbenchmark.designations=50000}: titles in the region (half each in 奈曼旗 and 科左后旗)</li>
 * <li>{@code -Dbenchmark.complete-share=0.5}: the share of reports submitted, and of those graded</li>
 * <li>{@code -Dbenchmark.threads=2}: people completing tasks at the same moment</li>
 * <li>{@code -Dbenchmark.stock=true}: the project's tuning off (profile {@code stock}: Camunda's defaults)</li>
 * <li>{@code -Dbenchmark.db-url=jdbc:postgresql://127.0.0.1:5432/bench} (+ {@code benchmark.db-user},
 * {@code benchmark.db-password}): an external PostgreSQL instead of the embedded one</li>
 * <li>{@code -Dbenchmark.statements=true}: the database's statements of each phase ({@link Statements})</li>
 * </ul>
 */
class ScaleBenchmark {

    private static final int N = Integer.getInteger("benchmark.designations", 50_000);
    private static final double SHARE = Double.parseDouble(System.getProperty("benchmark.complete-share", "0.5"));
    private static final int THREADS = Integer.getInteger("benchmark.threads", 2);
    private static final boolean STOCK = Boolean.getBoolean("benchmark.stock");
    private static final String DB_URL = System.getProperty("benchmark.db-url", "");
    private static final int LATENCY_SAMPLES = Integer.getInteger("benchmark.latency-samples", 200);
    private static final int MAIL_SECONDS = Integer.getInteger("benchmark.mail-seconds", 30);

    private final Map<String, String[]> rows = new LinkedHashMap<>();
    private double dbLimit;

    @Test
    void aRegionsYear() throws Exception {
        int smtpPort = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        TestClock.pin();
        long booting = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(DemonstrationUnitsApplication.class)
                .profiles(STOCK ? new String[] {"dev", "stock"} : new String[] {"dev"})
                .properties(properties(smtpPort)).run();
        double startup = seconds(booting);
        try {
            run(app, startup, smtpPort);
        } finally {
            app.close();
            smtp.stop();
        }
    }

    private void run(ConfigurableApplicationContext app, double startup, int smtpPort) throws Exception {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        DataSource dataSource = app.getBean(DataSource.class);
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        int workers = app.getEnvironment().getProperty("app.launcher.workers", Integer.class, 2);
        Rest rest = new Rest(((WebServerApplicationContext) app).getWebServer().getPort());
        String url = jdbc.sql("SELECT 'jdbc:postgresql://127.0.0.1:' || current_setting('port') || '/' || current_database()")
                .query(String.class).single();

        DatabaseLimit.Figures limit = DatabaseLimit.measure(dataSource, workers, 10, DB_URL.isBlank() ? url : DB_URL);
        dbLimit = limit.limit();
        row("database limit (TPS)", limit.pgbenchTps() == null ? "%.0f (JVM loop, %d connections; %s)".formatted(
                limit.jvmLoopTps(), workers, limit.pgbenchNote()) : "%.0f (%s; JVM loop of one-row updates %.0f)"
                .formatted(limit.pgbenchTps(), limit.pgbenchNote(), limit.jvmLoopTps()), dbLimit);
        row("start-up, first (s): initdb, schemas, models, demo data", "%.1f".formatted(startup), null);

        LocalDate today = TestClock.today();
        long seeding = System.nanoTime();
        ScaleSeed.seed(jdbc, N, today);
        System.out.printf("seeded %d titles in %.1f s%n", N, seconds(seeding));
        Statements statements = Statements.start(jdbc,
                Path.of("target/benchmarks/statements-" + (STOCK ? "stock" : "tuned") + "-" + N + ".md"));

        // 1. The launch, as commission3 (通辽市) would start it: its POST returns once the selection is stored.
        DbWork beforeLaunch = DbWork.now(jdbc);
        long launching = System.nanoTime();
        Map<String, Object> launch = rest.post("commission3", "/api/launches", Map.of(
                "kind", "ANNUAL_REVIEW", "regionCode", ScaleSeed.CITY, "title", "规模基准 " + N,
                "year", today.getYear(), "dueDate", today.plusDays(30).toString(),
                "finalDeadline", today.plusDays(60).toString(), "instructions", "基准测试：请报送年度总结"));
        double selection = seconds(launching);
        long launchId = ((Number) launch.get("id")).longValue();
        int total = ((Number) launch.get("total")).intValue();
        while (jdbc.sql("SELECT state FROM registry.launch WHERE id = ?").param(launchId).query(String.class).single()
                .equals("RUNNING")) {
            Thread.sleep(500);
        }
        double launchSeconds = seconds(launching);
        int started = jdbc.sql("SELECT count(*) FROM registry.launch_member WHERE launch_id = ? AND state = 'STARTED'")
                .param(launchId).query(Integer.class).single();
        row("launch (instances/s)", "%.0f: %d of %d started in %.1f s (selection %.2f s); %s".formatted(
                started / launchSeconds, started, total, launchSeconds, selection,
                DbWork.now(jdbc).per(beforeLaunch, started)), started / launchSeconds);
        statements.phase("launch: " + started + " instances", started);

        // 2. Tasklist's two calls while every report is open.
        int open = count(jdbc, "SELECT count(*) FROM act_ru_task");
        latency(rest, "commission1", "全部待办", "with %d open tasks, just launched".formatted(open));
        statements.phase("task list and count, just launched: " + LATENCY_SAMPLES + " calls each", LATENCY_SAMPLES);

        // 3. Units submit their reports, the commissions grade them: the form path with its checks.
        List<String[]> reports = taskHolders(jdbc, "SubmitAnnualReport", (int) (total * SHARE));
        DbWork beforeReports = DbWork.now(jdbc);
        double submitted = complete(engine, reports, false, reportForm());
        row("completion: report submitted (tasks/s)", "%.0f: %d, %d threads; %s".formatted(submitted, reports.size(), THREADS,
                        DbWork.now(jdbc).per(beforeReports, reports.size())),
                submitted);
        statements.phase("reports submitted: " + reports.size(), reports.size());
        open = count(jdbc, "SELECT count(*) FROM act_ru_task");
        latency(rest, "commission1", "全部待办", "with %d open tasks, %d of them grading".formatted(open,
                count(jdbc, "SELECT count(*) FROM act_ru_task WHERE task_def_key_ = 'AnnualReviewGrading'")));
        statements.phase("task list and count, gradings open: " + LATENCY_SAMPLES + " calls each", LATENCY_SAMPLES);
        List<String[]> gradings = graders(jdbc, (int) (reports.size() * SHARE));
        DbWork beforeGrading = DbWork.now(jdbc);
        double graded = complete(engine, gradings, true, gradingForm());
        row("completion: graded, DMN + registry (tasks/s)", "%.0f: %d, %d threads; %s".formatted(graded, gradings.size(), THREADS,
                        DbWork.now(jdbc).per(beforeGrading, gradings.size())),
                graded);
        statements.phase("graded: " + gradings.size(), gradings.size());

        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        row("heap after the campaign (MB, after GC)", heap + " (max " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + ")", null);

        // 4. The sweep, the clock moved past the due date by more than the escalation threshold.
        ZonedDateTime later = ZonedDateTime.of(today.plusDays(45), TestClock.START.toLocalTime(), TestClock.ZONE);
        while (later.getDayOfWeek() == DayOfWeek.SATURDAY || later.getDayOfWeek() == DayOfWeek.SUNDAY) {
            later = later.plusDays(1);
        }
        // One sweep measured: the hourly sweep's own timer, due too once the clock has moved, would run a
        // second one beside it (its digests then only conflict with these: one per person and day).
        engine.getManagementService().suspendJobDefinitionByProcessDefinitionKey("reminderSweep", true);
        ClockUtil.offset(later.toInstant().toEpochMilli() - System.currentTimeMillis());
        int overdue = count(jdbc, "SELECT count(*) FROM act_ru_task WHERE due_date_ < now() + interval '30 days'");
        long mailsBefore = count(jdbc, "SELECT count(*) FROM registry.mail_outbox WHERE sent_at IS NULL");
        java.time.OffsetDateTime sweepStarted = jdbc.sql("SELECT now()").query(java.time.OffsetDateTime.class).single();
        ReminderSweep.Run sweep = app.getBean(ReminderSweep.class).run();
        row("sweep (s)", "%.1f: %d tasks (%d open), %d escalated, %d recipients, %d digests queued".formatted(
                sweep.millis() / 1000.0, sweep.tasks(), overdue, sweep.escalatedTasks(), sweep.recipients(),
                sweep.digestsQueued()), null);
        statements.phase("sweep: " + sweep.tasks() + " tasks", sweep.tasks());
        // The sweep woke the outbox's sender thread when it had queued the digests; notices still
        // waiting from the launch go out with them. The rate is the sent mails over their sending time.
        sendOutbox(jdbc, app.getBean(OutboxSender.class), MAIL_SECONDS);
        var mails = jdbc.sql("""
                SELECT count(*), EXTRACT(EPOCH FROM max(sent_at) - min(sent_at)),
                       (SELECT count(*) FROM registry.mail_outbox WHERE sent_at IS NULL)
                FROM registry.mail_outbox WHERE sent_at >= ?""").param(sweepStarted)
                .query((rs, n) -> new double[] {rs.getLong(1), rs.getDouble(2), rs.getLong(3)}).single();
        double mailRate = mails[1] > 0 ? mails[0] / mails[1] : 0;
        row("mail sending (mails/s)", "%.0f: %.0f sent in %.1f s on the sender's thread (%d were waiting before the sweep, %.0f still waiting after %d s)"
                .formatted(mailRate, mails[0], mails[1], mailsBefore, mails[2], MAIL_SECONDS), mailRate);
        statements.phase("mail sending: " + (long) mails[0] + " mails", (int) mails[0]);

        // 5. Another node (a restart) on the database as the campaign left it, in a JVM of its own, with
        //    the production profile (the demo one refuses a database it did not start).
        //    Its clock is the real one, past every final deadline of the campaign (this JVM's is pinned):
        //    the reviews' timers are suspended, or it would start by firing all of them.
        engine.getManagementService().suspendJobDefinitionByProcessDefinitionKey("annual-review", true);
        //    And the outbox sent first: this JVM's sender would share the two cores with the new node.
        sendOutbox(jdbc, app.getBean(OutboxSender.class), 300);
        String nodeStart;
        try {
            nodeStart = "%.1f".formatted(NodeStart.seconds(properties(smtpPort), DB_URL.isBlank() ? url : DB_URL, freePort(),
                    STOCK ? "prod,stock" : "prod"));
        } catch (IllegalStateException failed) {
            nodeStart = "not measured: " + failed.getMessage();
        }
        row("start-up of another node on this database, own JVM, until HTTP answers (s)", nodeStart, null);
        report();
    }

    /** Keeps the outbox's thread sending until nothing is waiting, for at most this long. */
    private static void sendOutbox(JdbcClient jdbc, OutboxSender sender, int seconds) throws InterruptedException {
        long started = System.nanoTime();
        while (seconds(started) < seconds
                && count(jdbc, "SELECT count(*) FROM registry.mail_outbox WHERE sent_at IS NULL") > 0) {
            sender.wake();
            Thread.sleep(1000);
        }
    }

    private Map<String, Object> properties(int smtpPort) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", 0);
        p.put("server.address", "127.0.0.1");
        p.put("spring.mail.host", "127.0.0.1");
        p.put("spring.mail.port", smtpPort);
        p.put("app.mail.catcher.enabled", false);
        p.put("app.mail.log-content", false);
        // The periodic sender stays out of the figures; the sweep's phase starts it and measures it.
        p.put("app.mail.retry-interval", "PT24H");
        p.put("app.demo.named-titles", 0);
        p.put("app.embedded-postgres.synchronous-commit", "on");
        p.put("app.embedded-postgres.fsync", "on");
        p.put("app.reminders.on-non-working-days", true);
        p.put("app.reminders.quiet-from", "00:00");
        p.put("app.reminders.quiet-until", "00:00");
        p.put("logging.level.root", "warn");
        p.put("logging.level.org.ethnicunity.platform.mail.OutboxSender", "warn");
        if (Statements.ON) {
            p.put("app.embedded-postgres.preload-libraries", "pg_stat_statements,auto_explain");
            // Plans of statements over 300 ms, in the server's own log file (its stderr goes nowhere).
            String config = "app.embedded-postgres.server-config.";
            p.put(config + "[auto_explain.log_min_duration]", "300");
            p.put(config + "logging_collector", "on");
            p.put(config + "log_directory", Path.of("target/benchmarks").toAbsolutePath().toString());
            p.put(config + "log_filename", "postgres-" + (STOCK ? "stock" : "tuned") + "-" + N + ".log");
        }
        if (!DB_URL.isBlank()) {
            p.put("DB_URL", DB_URL);
            p.put("spring.datasource.url", DB_URL);
            // As defaults these lose to application.yml's ${DB_USER:}: its placeholders are what they fill.
            p.put("DB_USER", System.getProperty("benchmark.db-user", "postgres"));
            p.put("DB_PASSWORD", System.getProperty("benchmark.db-password", ""));
            // The benchmark logs in as the demo users: on a server given by URL that is this run's explicit opt-in.
            p.put("app.demo.external-database-allowed", true);
        }
        return p;
    }

    private void latency(Rest rest, String user, String filterName, String when) throws Exception {
        String filter = rest.filterId(user, filterName);
        Rest.Percentiles list = rest.percentiles(user, "POST", "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15",
                "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}", LATENCY_SAMPLES);
        Rest.Percentiles count = rest.percentiles(user, "GET", "/engine-rest/filter/" + filter + "/count", null, LATENCY_SAMPLES);
        row("task list first page, " + user + " 「" + filterName + "」 " + when + " (ms p50/p95/p99)", list.toString(), null);
        row("task count, same filter, " + when + " (ms p50/p95/p99)", count + " (" + count.body() + " tasks)", null);
    }

    /** Report tasks and their assignees (the units' contacts), oldest first. */
    private static List<String[]> taskHolders(JdbcClient jdbc, String key, int limit) {
        return jdbc.sql("SELECT id_, assignee_ FROM act_ru_task WHERE task_def_key_ = ? ORDER BY id_ LIMIT ?")
                .params(key, limit).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    /** Grading tasks with the commission member of their banner who claims and grades them. */
    private static List<String[]> graders(JdbcClient jdbc, int limit) {
        return jdbc.sql("""
                SELECT t.id_, CASE WHEN l.group_id_ = 'commission-150525' THEN 'commission1' ELSE 'commission2' END
                FROM act_ru_task t JOIN act_ru_identitylink l ON l.task_id_ = t.id_ AND l.type_ = 'candidate'
                WHERE t.task_def_key_ = 'AnnualReviewGrading' ORDER BY t.id_ LIMIT ?""")
                .param(limit).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    /** Completes the tasks from THREADS threads, each as the task's person; @return tasks per second */
    private static double complete(ProcessEngine engine, List<String[]> tasks, boolean claimFirst, Map<String, Object> form)
            throws Exception {
        ExecutorService people = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        List<Future<Integer>> done = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            done.add(people.submit(() -> {
                int count = 0;
                for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
                    String[] task = tasks.get(i);
                    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(task[1]).list()
                            .stream().map(g -> g.getId()).toList();
                    engine.getIdentityService().setAuthentication(task[1], groups);
                    try {
                        if (claimFirst) {
                            engine.getTaskService().claim(task[0], task[1]);
                        }
                        engine.getFormService().submitTaskForm(task[0], form);
                        count++;
                    } finally {
                        engine.getIdentityService().clearAuthentication();
                    }
                }
                return count;
            }));
        }
        int count = 0;
        for (Future<Integer> f : done) {
            count += f.get();
        }
        people.shutdown();
        return count / seconds(started);
    }

    private static Map<String, Object> reportForm() {
        Map<String, Object> form = new HashMap<>(NominationFixture.scores("selfScore_", 18, 22, 18, 13, 13, 22));
        form.put("annualReport", "全年开展民族团结进步宣传月等活动12次，建立健全创建工作台账。");
        form.put("reportAttachments", "https://example.test/annual");
        return form;
    }

    private static Map<String, Object> gradingForm() {
        Map<String, Object> form = new HashMap<>(NominationFixture.scores("reviewScore_", 16, 20, 15, 12, 12, 20));
        for (String code : List.of("massIncident", "fraud", "leaderViolation")) {
            form.put("veto_" + code, false);
        }
        form.put("gradingDecision", "GRADE");
        form.put("reviewComment", "基本达到要求。");
        return form;
    }


    private void row(String name, String figure, Double perSecond) {
        String ratio = perSecond == null || dbLimit == 0 ? "" : "%.3f".formatted(perSecond / dbLimit);
        rows.put(name, new String[] {figure, ratio});
        System.out.printf("%s: %s %s%n", name, figure, ratio);
    }

    private void report() throws Exception {
        StringBuilder table = new StringBuilder();
        table.append("%s, %s, %d designations, complete share %.2f, %d threads, %d cores, Java %s%n".formatted(
                STOCK ? "stock Camunda settings" : "tuned (project settings)", DB_URL.isBlank() ? "embedded PostgreSQL"
                        : "external PostgreSQL", N, SHARE, THREADS, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version")));
        table.append("| figure | value | ratio to the database limit |\n|---|---|---|\n");
        rows.forEach((name, v) -> table.append("| %s | %s | %s |%n".formatted(name, v[0], v[1])));
        Path file = Path.of("target/benchmarks/scale-" + (STOCK ? "stock" : "tuned") + "-" + N + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, table);
        System.out.println(table);
    }

    /** The database's own counters: commits and rows written, read before and after a phase. */
    private record DbWork(long commits, long inserted, long updated, long deleted) {

        /** Waits out PostgreSQL's stats interval (an idle backend reports its counts within 10 s). */
        static DbWork now(JdbcClient jdbc) throws InterruptedException {
            Thread.sleep(11_000);
            return jdbc.sql("""
                    SELECT xact_commit, tup_inserted, tup_updated, tup_deleted FROM pg_stat_database
                    WHERE datname = current_database()""")
                    .query((rs, n) -> new DbWork(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
        }

        String per(DbWork before, long items) throws InterruptedException {
            return "per item: %.1f commits, %.0f rows inserted, %.0f updated, %.0f deleted".formatted(
                    (commits - before.commits) / (double) items, (inserted - before.inserted) / (double) items,
                    (updated - before.updated) / (double) items, (deleted - before.deleted) / (double) items);
        }
    }

    private static int count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
