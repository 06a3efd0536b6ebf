package org.ethnicunity.platform.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ethnicunity.platform.TestClock;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.FlowNodeCoverage;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.mail.MailOutbox;
import org.ethnicunity.platform.mail.OutboxSender;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders with a moved clock, on a region of its own (a fresh banner code per test) so that the
 * other tests' tasks do not mix in: one digest per person and day, escalation to supervision, the
 * SMTP server down and back, two engines on one database sweeping at once, and the assignment notice.
 */
class ReminderTest extends IntegrationTest {

    @RegisterExtension
    static final FlowNodeCoverage COVERAGE = FlowNodeCoverage.of("reminderSweep", 3);

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static int regionSequence = 10;

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired ReminderSweep sweep;
    @Autowired OutboxSender outboxSender;
    @Autowired MailOutbox outbox;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired WorkingDayCalendar calendar;
    @Autowired ReminderSettings settings;
    @Autowired org.ethnicunity.platform.BusinessClock clock;
    @Autowired org.ethnicunity.platform.mail.MailNotifier mailNotifier;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired org.ethnicunity.platform.engine.DueTaskPages dueTaskPages;
    @Autowired CalendarWatch calendarWatch;

    NominationFixture fixture;
    String region;
    String reviewer;
    String reviewer2;
    String supervisor;

    @BeforeEach
    void setUp() {
        fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        region = "1505" + (regionSequence++);
        reviewer = member("rv" + region, "prelim-" + region);
        reviewer2 = member("rw" + region, "prelim-" + region);
        supervisor = member("sv" + region, "supervision-" + region);
    }

    @AfterEach
    void resetClock() {
        TestClock.pin();
    }

    @Test
    void oneDigestPerPersonAndDayListingAllTheirTasksThenEscalation() {
        List<ProcessInstance> applications = applyThreeOn(2026, 11, 2); // due Monday 2026-11-16 10:00
        at(2026, 11, 12, 9);
        runSweep();
        List<Mail> digests = mailsTo(reviewer + "@test.example");
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).subject()).isEqualTo("【民族团结进步创建】待办提醒（2026-11-12）：3 项待办");
        assertThat(digests.get(0).text()).contains("属地初审", "期限 2026-11-16 10:00", "还有 2 个工作日到期",
                "/camunda/app/tasklist/default/#/?task=");
        assertThat(digests.get(0).html()).contains("需要您办理", "还有 2 个工作日到期").doesNotContain("需要您督办");
        assertThat(mailsTo(reviewer2 + "@test.example")).hasSize(1);
        assertThat(mailsTo(supervisor + "@test.example")).isEmpty();

        runSweep();
        assertThat(mailsTo(reviewer + "@test.example")).as("second run the same day").hasSize(1);

        at(2026, 11, 24, 10); // 6 working days overdue
        runSweep();
        List<Mail> overdue = mailsTo(reviewer + "@test.example");
        assertThat(overdue).hasSize(2);
        assertThat(overdue.get(1).text()).contains("已逾期 6 个工作日");
        List<Mail> escalated = mailsTo(supervisor + "@test.example");
        assertThat(escalated).hasSize(1);
        assertThat(escalated.get(0).subject()).endsWith("0 项待办，3 项督办");
        assertThat(escalated.get(0).text()).contains("需要您督办", "已逾期 6 个工作日，已督办", "｜待领取：prelim-" + region);
        assertThat(escalated.get(0).html()).contains("需要您督办", "已逾期 6 个工作日，已督办", "<th>承办</th>")
                .doesNotContain("需要您办理");
        assertThat(applications).hasSize(3);

        at(2026, 11, 28, 10); // Saturday
        assertThat(runSweep().skipped()).isEqualTo("非工作日");
        assertThat(mailsTo(reviewer + "@test.example")).hasSize(2);
    }

    @Test
    void aSweepReadingTwoTasksAPageStillFindsEveryTask() {
        applyThreeOn(2026, 11, 2); // due Monday 2026-11-16 10:00
        at(2026, 11, 12, 9);
        new TransactionTemplate(transactionManager).execute(tx -> sweepOf(engine, settings, 2).run());
        outboxSender.sendDue();
        List<Mail> digests = mailsTo(reviewer + "@test.example");
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).subject()).endsWith("：3 项待办");
    }

    @Test
    void digestsQueuedOnSeveralThreadsAPersonAtATimeReachEachPersonOnce() {
        applyThreeOn(2026, 11, 2); // due Monday 2026-11-16 10:00
        at(2026, 11, 24, 10); // 6 working days overdue: reviewers and their supervisor
        ReminderSettings onePerTransaction = new ReminderSettings(settings.sweepCycle(), settings.leadWorkingDays(),
                settings.escalationWorkingDays(), settings.quietFrom(), settings.quietUntil(), false, 50, 1, 2, null);
        ReminderSweep.Run first = sweepWith(onePerTransaction);
        ReminderSweep.Run second = sweepWith(onePerTransaction);
        assertThat(first.digestsQueued()).isGreaterThanOrEqualTo(3);
        assertThat(second.digestsQueued()).as("the same day again").isZero();
        assertThat(mailsTo(reviewer + "@test.example")).hasSize(1);
        assertThat(mailsTo(reviewer2 + "@test.example")).hasSize(1);
        assertThat(mailsTo(supervisor + "@test.example")).extracting(Mail::subject).containsExactly(
                "【民族团结进步创建】待办提醒（2026-11-24）：0 项待办，3 项督办");
    }

    @Test
    void aDemoSettingSendsOnNonWorkingDaysToo() throws MessagingException {
        List<ProcessInstance> applications = applyThreeOn(2026, 11, 6); // due Friday 2026-11-20 10:00
        // Same due minute: the capped digest lists by unit name next, so the claimed one must sort first to be listed.
        applications.sort(java.util.Comparator.comparing(a -> (String) engine.getRuntimeService()
                .getVariable(a.getId(), "unitName")));
        String claimed = claimAsReviewer(applications.get(0));
        // A region whose supervision group nobody has created: its escalation is counted as unreceived.
        String unsupervisedRegion = "1529" + (regionSequence++);
        fixture.apply(fixture.newUnit(unsupervisedRegion), fixture.newCampaign(Level.BANNER, unsupervisedRegion, 30,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        at(2026, 11, 22, 10); // Sunday
        ReminderSweep.Run run = sweepWith(new ReminderSettings(settings.sweepCycle(), settings.leadWorkingDays(), 0,
                settings.quietFrom(), settings.quietUntil(), true, 2, 1, settings.digestThreads(), null));
        assertThat(run.skipped()).isNull();
        assertThat(run.escalatedTasks()).isGreaterThanOrEqualTo(4);
        assertThat(run.escalatedWithoutSupervisor()).isPositive();
        assertThat(run.missingSupervisors()).contains("supervision-" + unsupervisedRegion)
                .doesNotContain("supervision-" + region);
        outboxSender.sendDue();
        List<Mail> digest = mailsTo(reviewer + "@test.example");
        assertThat(digest).extracting(Mail::subject).containsExactly("【民族团结进步创建】待办提醒（2026-11-22）：3 项待办");
        assertThat(digest.get(0).text().split("属地初审｜期限", -1)).as("two of three listed").hasSize(3);
        assertThat(digest.get(0).text()).contains("另有 1 项未列出，请在任务列表中查看。", "已逾期（其间无工作日）")
                .doesNotContain("今天已到期");
        assertThat(digest.get(0).html()).contains("另有 1 项未列出").doesNotContain("<th>承办</th>");
        assertThat(mailsTo(supervisor + "@test.example")).extracting(Mail::subject)
                .containsExactly("【民族团结进步创建】待办提醒（2026-11-22）：0 项待办，3 项督办");
        assertThat(mailsTo(supervisor + "@test.example").get(0).text()).contains("｜办理人：" + reviewer, "｜待领取：prelim-" + region);
        InternetAddress sender = (InternetAddress) java.util.Arrays.stream(greenMail.getReceivedMessages())
                .reduce((a, b) -> b).orElseThrow().getFrom()[0];
        assertThat(sender.getPersonal()).isEqualTo("评审平台（测试）");
        assertThat(sender.getAddress()).isEqualTo("noreply@test.example");
    }

    @Test
    void withTheSmtpServerDownNothingIsLostAndTheFailureIsVisible() {
        applyThreeOn(2026, 11, 2);
        at(2026, 11, 13, 10);
        greenMail.stop();
        runSweep();
        MailOutbox.Status down = outbox.status();
        assertThat(down.failing()).isPositive();
        RestClient.Response health = new RestClient(port).get("admin", "demo", "/actuator/health/mailOutbox");
        assertThat(health.body().get("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.body().at("/details/failing").asLong()).isPositive();
        assertThat(health.body().at("/details").has("lastError")).as("health is public: counts only").isFalse();
        RestClient.Response reminders = new RestClient(port).get("admin", "demo", "/actuator/reminders");
        assertThat(reminders.status()).isEqualTo(200);
        assertThat(reminders.body().at("/mailOutbox/lastError").asText()).contains("Couldn't connect");
        assertThat(reminders.body().at("/lastRunOnThisNode/digestsQueued").asInt()).isPositive();
        assertThat(new RestClient(port).get(null, null, "/actuator/reminders").status()).isEqualTo(401);
        RestClient.Response reviewerView = new RestClient(port).get("prelim1", "demo", "/actuator/reminders");
        assertThat(reviewerView.status()).isEqualTo(403);
        assertThat(reviewerView.raw()).contains("仅系统管理员可查看").doesNotContain("mailOutbox");

        greenMail.start();
        outboxSender.sendDue();
        assertThat(mailsTo(reviewer + "@test.example")).hasSize(1);
        assertThat(mailsTo(supervisor + "@test.example")).isEmpty();
        outboxSender.sendDue();
        assertThat(mailsTo(reviewer + "@test.example")).as("sent once").hasSize(1);
        assertThat(outbox.status().failing()).isZero();
        assertThat(new RestClient(port).get(null, null, "/actuator/health/mailOutbox").body().get("status").asText())
                .isEqualTo("UP");
    }

    @Test
    void twoEnginesOnOneDatabaseSweepingAtOnceSendEachDigestOnce() throws Exception {
        applyThreeOn(2026, 11, 2);
        at(2026, 11, 13, 10);
        // A second engine on the same database, as a second application node has.
        ProcessEngine node2 = org.ethnicunity.platform.SecondNode.start(context, engine, "node2-" + region);
        long digestsBefore = digestsOf("2026-11-13");
        try {
            ReminderSweep sweep2 = sweepOf(node2, settings, 1000);
            TransactionTemplate transaction = new TransactionTemplate(transactionManager);
            transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            List<Callable<ReminderSweep.Run>> runs = List.of(() -> transaction.execute(tx -> sweep.run()),
                    () -> transaction.execute(tx -> sweep2.run()));
            int queued = 0;
            for (Future<ReminderSweep.Run> run : nodes.invokeAll(runs)) {
                assertThat(run.get().recipients()).isPositive();
                queued += run.get().digestsQueued();
            }
            nodes.shutdown();
            outboxSender.sendDue();
            assertThat(mailsTo(reviewer + "@test.example")).hasSize(1);
            assertThat(mailsTo(reviewer2 + "@test.example")).hasSize(1);
            assertThat(queued).as("digests the two nodes queued together: each once").isEqualTo(digestsOf("2026-11-13") - digestsBefore);
        } finally {
            node2.close();
        }
    }

    private long digestsOf(String day) {
        return jdbc.sql("SELECT count(*) FROM registry.mail_outbox WHERE dedup_key LIKE ?")
                .param("digest:%:" + day).query(Long.class).single();
    }

    @Test
    void escalationGoesToTheRoleConfiguredToSuperviseTheTasksRole() {
        applyThreeOn(2026, 11, 2);
        String commission = member("cm" + region, "commission-" + region);
        at(2026, 11, 24, 10); // 6 working days overdue
        sweepWith(new ReminderSettings(settings.sweepCycle(), settings.leadWorkingDays(),
                settings.escalationWorkingDays(), settings.quietFrom(), settings.quietUntil(), false,
                settings.digestMaxItems(), settings.digestBatch(), settings.digestThreads(), java.util.Map.of("prelim", "commission")));
        outboxSender.sendDue();
        assertThat(mailsTo(commission + "@test.example")).extracting(Mail::subject)
                .containsExactly("【民族团结进步创建】待办提醒（2026-11-24）：0 项待办，3 项督办");
        assertThat(mailsTo(supervisor + "@test.example")).as("prelim is supervised by commission here").isEmpty();
        assertThat(mailsTo(reviewer + "@test.example")).hasSize(1);
    }

    @Test
    void anOverdueTownshipTaskIsEscalatedToItsBannersSupervision() {
        // Banner 156201 and its township 156201100 (own digits ending in 00): codes of this test only.
        String township = "156201100";
        String townshipReviewer = member("rvt" + township, "prelim-" + township);
        String bannerReviewer = member("rvb156201", "prelim-156201");
        String bannerSupervisor = member("svb156201", "supervision-156201");
        String neighbourSupervisor = member("svn156202", "supervision-156202");
        at(2026, 11, 2, 10);
        Campaign campaign = fixture.newCampaign(Level.BANNER, "156201", 30, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        fixture.apply(fixture.newUnit(township), campaign);

        at(2026, 11, 24, 10); // 6 working days overdue
        runSweep();
        assertThat(mailsTo(townshipReviewer + "@test.example")).extracting(Mail::subject)
                .containsExactly("【民族团结进步创建】待办提醒（2026-11-24）：1 项待办");
        assertThat(mailsTo(bannerReviewer + "@test.example")).as("the township's task is not the banner reviewers'").isEmpty();
        List<Mail> escalated = mailsTo(bannerSupervisor + "@test.example");
        assertThat(escalated).extracting(Mail::subject).containsExactly("【民族团结进步创建】待办提醒（2026-11-24）：0 项待办，1 项督办");
        assertThat(escalated.get(0).text()).contains("已逾期 6 个工作日，已督办", "｜待领取：prelim-" + township);
        assertThat(mailsTo(neighbourSupervisor + "@test.example")).isEmpty();
    }

    @Test
    void assigningATaskToSomebodyElseTellsThem() {
        List<ProcessInstance> applications = applyThreeOn(2026, 11, 2);
        String task = claimAsReviewer(applications.get(0));
        assertThat(mailsTo(reviewer + "@test.example")).as("claiming oneself").isEmpty();
        // Only administrators hand a task to somebody else (docs/security.md); a reviewer may not.
        assertThatThrownBy(() -> fixture.as(reviewer, () -> {
            engine.getTaskService().setAssignee(task, reviewer2);
            return null;
        })).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        fixture.as("admin", () -> {
            engine.getTaskService().setAssignee(task, reviewer2);
            return null;
        });
        List<Mail> notices = mailsTo(reviewer2 + "@test.example");
        assertThat(notices).extracting(Mail::subject).containsExactly("【民族团结进步创建】任务分派通知：属地初审");
        assertThat(notices.get(0).text()).contains("admin 将任务「属地初审」", "2026-11-16 10:00", "?task=" + task);
    }

    /** One sweep of this node with other settings, in a transaction of its own as the timer job has. */
    private ReminderSweep.Run sweepWith(ReminderSettings other) {
        ReminderSweep configured = sweepOf(engine, other, 1000);
        return new TransactionTemplate(transactionManager).execute(tx -> configured.run());
    }

    /** A sweep of its own: on this engine or another node's, with these settings, reading {@code pageSize} tasks a page. */
    private ReminderSweep sweepOf(ProcessEngine node, ReminderSettings settings, int pageSize) {
        ReminderDigests digests = new ReminderDigests(node.getRepositoryService(), calendar, settings, clock, mailNotifier);
        return new ReminderSweep(new DueTasks(node.getTaskService(), node.getRuntimeService(), dueTaskPages, pageSize),
                new ReminderRecipients(node.getIdentityService(), settings), digests,
                new ReminderQueue(digests, settings, outboxSender, transactionManager), new ReminderStatistics(),
                calendar, settings, clock, calendarWatch);
    }

    private String claimAsReviewer(ProcessInstance application) {
        String task = engine.getTaskService().createTaskQuery().processInstanceId(application.getId()).singleResult().getId();
        fixture.as(reviewer, () -> {
            engine.getTaskService().claim(task, reviewer);
            return null;
        });
        return task;
    }

    private List<ProcessInstance> applyThreeOn(int year, int month, int day) {
        at(year, month, day, 10);
        Campaign campaign = fixture.newCampaign(Level.BANNER, region, 30, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        List<ProcessInstance> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            started.add(fixture.apply(fixture.newUnit(region), campaign));
        }
        return started;
    }

    private ReminderSweep.Run runSweep() {
        Job timer = engine.getManagementService().createJobQuery().processDefinitionKey("reminderSweep").timers().singleResult();
        engine.getManagementService().executeJob(timer.getId());
        return sweep.lastRun().orElseThrow();
    }

    private static void at(int year, int month, int day, int hour) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, ZONE).toInstant()));
    }

}
