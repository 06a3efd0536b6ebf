package org.ethnicunity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.engine.RaceLost;
import org.ethnicunity.platform.mail.OutboxSender;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one PostgreSQL (docs/sizing.md): a second process engine beside the test's,
 * and every step of an annual-review campaign done by both at the same moment — the launch's job, the
 * mails' sending, each report's submission, the reminder sweep's timer and each grading. Whatever
 * interleaving the database allows, each instance is started once, each task completed once and each
 * mail sent once.
 */
class ClusterTest extends IntegrationTest {

    private static final AtomicInteger REGIONS = new AtomicInteger(10);
    private static final int TITLES = 8;

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired UnitRepository units;
    @Autowired DesignationRepository designations;
    @Autowired OutboxSender outbox;
    @Autowired JdbcClient jdbc;

    @Test
    void twoNodesRunOneCampaignAndDoNothingTwice() throws Exception {
        String city = "17" + REGIONS.incrementAndGet() + "00";
        String banner = city.substring(0, 4) + "01";
        String staff = member("cs" + city, "commission-" + city);
        grantStart("commission-" + city, "launch");
        String grader = member("cg" + banner, "commission-" + banner);
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < TITLES; i++) {
            String contact = member("cu" + banner + "n" + i, "unitcontacts");
            contacts.add(contact);
            Unit unit = units.insert(new Unit(null, "集群单位" + banner + "-" + i, UnitType.SCHOOL, banner, contact,
                    "联系人" + i, contact + "@test.example"));
            long id = designations.insert(unit.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "历史命名");
            LocalDate named = TestClock.today().minusYears(2);
            designations.recordNaming(id, named, "集群〔" + id + "〕号", named.plusYears(5), false);
        }
        ProcessEngine second = SecondNode.start(context, engine, "second-node-" + city);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            // The launch: its job run by both nodes at once, then to the end.
            Map<String, Object> body = new HashMap<>();
            body.put("kind", "ANNUAL_REVIEW");
            body.put("regionCode", city);
            body.put("year", TestClock.today().getYear());
            body.put("dueDate", TestClock.today().plusDays(20).toString());
            body.put("finalDeadline", TestClock.today().plusDays(200).toString());
            body.put("title", "集群年度评估");
            RestClient.Response launched = new RestClient(port).post(staff, "secret-" + staff, "/api/launches", body);
            assertThat(launched.status()).as(launched.raw()).isEqualTo(201);
            long launchId = launched.body().get("id").asLong();
            String launchInstance = launched.body().get("processInstanceId").asText();
            Job job = engine.getManagementService().createJobQuery().processInstanceId(launchInstance).singleResult();
            both(nodes, () -> execute(engine, job.getId()), () -> execute(second, job.getId()));
            for (Job next; (next = engine.getManagementService().createJobQuery().processInstanceId(launchInstance)
                    .singleResult()) != null; ) {
                engine.getManagementService().executeJob(next.getId());
            }
            assertThat(jdbc.sql("SELECT count(*) FROM registry.launch_member WHERE launch_id = ? AND state = 'STARTED'")
                    .param(launchId).query(Integer.class).single()).isEqualTo(TITLES);
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("annual-review")
                    .processInstanceBusinessKeyLike("launch-" + launchId + ":%").count()).isEqualTo(TITLES);

            // The notices the launch queued, sent by both nodes' senders at once: one each.
            both(nodes, outbox::sendDue, outbox::sendDue);
            contacts.forEach(c -> assertThat(mailsTo(c + "@test.example")).as(c).hasSize(1));

            // Each report submitted from both nodes at the same moment: one wins.
            for (String contact : contacts) {
                Task report = engine.getTaskService().createTaskQuery().taskAssignee(contact).singleResult();
                Map<String, Object> form = reportForm();
                oneWinner(both(nodes, () -> submit(engine, report.getId(), contact, form, false),
                        () -> submit(second, report.getId(), contact, form, false)));
            }
            assertThat(completed("SubmitAnnualReport", launchId)).isEqualTo(TITLES);
            List<Task> gradings = engine.getTaskService().createTaskQuery().taskCandidateGroup("commission-" + banner)
                    .processInstanceBusinessKeyLike("launch-" + launchId + ":%").list();
            assertThat(gradings).hasSize(TITLES);

            // The sweep's timer fires on both nodes once the gradings are overdue: one digest for the grader.
            ZonedDateTime later = ZonedDateTime.of(TestClock.today().plusDays(91), TestClock.START.toLocalTime(), TestClock.ZONE);
            ClockUtil.offset(later.toInstant().toEpochMilli() - System.currentTimeMillis());
            Job sweep = engine.getManagementService().createJobQuery().processDefinitionKey("reminderSweep").timers()
                    .singleResult();
            both(nodes, () -> execute(engine, sweep.getId()), () -> execute(second, sweep.getId()));
            both(nodes, outbox::sendDue, outbox::sendDue);
            assertThat(mailsTo(grader + "@test.example")).extracting(Mail::subject)
                    .containsExactly("【民族团结进步创建】待办提醒（" + later.toLocalDate() + "）：" + TITLES + " 项待办");

            // Each grading claimed and submitted from both nodes at once: graded once, one result mail.
            for (Task grading : gradings) {
                oneWinner(both(nodes, () -> submit(engine, grading.getId(), grader, gradingForm(), true),
                        () -> submit(second, grading.getId(), grader, gradingForm(), true)));
            }
            assertThat(completed("AnnualReviewGrading", launchId)).isEqualTo(TITLES);
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM registry.annual_review r JOIN registry.designation d ON d.id = r.designation_id
                    JOIN registry.unit u ON u.id = d.unit_id WHERE u.region_code = ? AND r.grade = 'PASS'""")
                    .param(banner).query(Integer.class).single()).isEqualTo(TITLES);
            both(nodes, outbox::sendDue, outbox::sendDue);
            contacts.forEach(c -> assertThat(mailsTo(c + "@test.example")).as(c + ": notice and result").hasSize(2));
        } finally {
            nodes.shutdownNow();
            second.close();
            TestClock.pin();
        }
    }

    /** Both calls at the same moment, on two threads; returns once both ended, whichever way. */
    private static List<Object> both(ExecutorService nodes, Callable<Object> one, Callable<Object> other) throws Exception {
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : nodes.invokeAll(List.of(one, other))) {
            outcomes.add(f.get());
        }
        return outcomes;
    }

    /**
     * One node did the work, the other lost the race and was told so in words (docs/api.md, "Races"): the
     * task done (「该任务已由他人办理完毕」) or, when it lost to the other node's claim, changed (「该事项刚被他人处理」).
     */
    private static void oneWinner(List<Object> outcomes) {
        assertThat(outcomes).as(outcomes.toString()).containsOnlyOnce("done")
                .anySatisfy(o -> assertThat(o.toString()).startsWith("lost: " + RaceLost.class.getName() + ": 该"));
    }

    /** A job run by a node; losing the race to the other node is what a cluster expects. */
    private static Object execute(ProcessEngine node, String job) {
        try {
            node.getManagementService().executeJob(job);
            return "done";
        } catch (ProcessEngineException lost) {
            return "lost: " + lost.getMessage();
        }
    }

    /**
     * One node's claim and submission. The node that loses the race changes nothing and gets a
     * {@code RaceLost} in words, whichever way the engine noticed: optimistic locking, "task is null",
     * or (seen once in CI) a NullPointerException from the history producer on the execution the
     * winner ended.
     */
    private static Object submit(ProcessEngine node, String task, String user, Map<String, Object> form, boolean claim) {
        node.getIdentityService().setAuthentication(user, node.getIdentityService().createGroupQuery().groupMember(user)
                .list().stream().map(g -> g.getId()).toList());
        try {
            if (claim) {
                node.getTaskService().claim(task, user);
            }
            node.getFormService().submitTaskForm(task, form);
            return "done";
        } catch (RuntimeException lost) {
            return "lost: " + lost;
        } finally {
            node.getIdentityService().clearAuthentication();
        }
    }

    private long completed(String taskKey, long launchId) {
        return engine.getHistoryService().createHistoricTaskInstanceQuery().taskDefinitionKey(taskKey).finished()
                .processInstanceBusinessKeyLike("launch-" + launchId + ":%").count();
    }

    private static Map<String, Object> reportForm() {
        Map<String, Object> form = new HashMap<>(org.ethnicunity.platform.nomination.NominationFixture.scores("selfScore_",
                18, 22, 18, 13, 13, 22));
        form.put("annualReport", "全年开展民族团结进步宣传月等活动12次。");
        form.put("reportAttachments", "https://example.test/annual");
        return form;
    }

    private static Map<String, Object> gradingForm() {
        Map<String, Object> form = new HashMap<>(org.ethnicunity.platform.nomination.NominationFixture.scores("reviewScore_",
                16, 20, 15, 12, 12, 20));
        for (String code : List.of("massIncident", "fraud", "leaderViolation")) {
            form.put("veto_" + code, false);
        }
        form.put("gradingDecision", "GRADE");
        form.put("reviewComment", "基本达到要求。");
        return form;
    }
}
