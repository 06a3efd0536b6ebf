package org.ethnicunity.platform.reports.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.FlowNodeCoverage;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;
import org.ethnicunity.platform.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bulletin against work seeded in regions no other test uses (154301 and 154302 under the city
 * 154300; 154401 elsewhere): its counts and named laggards per region, the mail (HTML with the
 * chart inline, text, the same as an attached PDF), and one bulletin per recipient and period
 * however often it runs, through the process too.
 */
class BulletinTest extends IntegrationTest {

    @RegisterExtension
    static final FlowNodeCoverage COVERAGE = FlowNodeCoverage.of("bulletin", 1);

    private static boolean seeded;

    @Autowired SendBulletins sendBulletins;
    @Autowired UnitRepository units;
    @Autowired DesignationRepository designations;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void seed() {
        member("btcity", Roles.group(Roles.COMMISSION, "154300"));
        member("btbanner", Roles.group(Roles.LEADING_GROUP, "154301"));
        member("btforeign", Roles.group(Roles.COMMISSION, "154401"));
        member("btprelim", Roles.group(Roles.PRELIMINARY, "154301"));
        // Each test starts with nobody told yet in this period (GreenMail is emptied per test too).
        jdbc.sql("DELETE FROM registry.mail_outbox WHERE dedup_key LIKE 'bulletin:%' AND recipient LIKE 'bt%@test.example'").update();
        if (seeded) {
            return;
        }
        seeded = true;
        OffsetDateTime now = TestClock.START.toOffsetDateTime();
        task("初审：通报测试甲单位", "prelim-154301", now.minusDays(5));
        task("初审：通报测试乙单位", "prelim-154301", now.minusDays(1));
        task("初审：通报测试丙单位", "prelim-154301", now.plusDays(3));
        task("材料审核：通报测试丁单位", "commission-154302", now.minusDays(2));
        task("材料审核：外地单位", "commission-154401", now.minusDays(9));

        long launch = 990_000 + System.nanoTime() % 1000;
        submission(launch, "154301", "按时报送单位", "ACCEPTED", true, false);
        submission(launch, "154301", "未报送单位", "REQUESTED", false, false);
        submission(launch, "154302", "迟报单位", "SUBMITTED", true, true);
        submission(launch, "154401", "外地未报送单位", "REQUESTED", false, false);

        long reviewLaunch = jdbc.sql("""
                INSERT INTO registry.launch (kind, title, region_code, launched_by, process_instance_id, created_at, due_date)
                VALUES ('ANNUAL_REVIEW', '通报测试年度评估', '154300', 'btcity', ?, now(), ?) RETURNING id""")
                .params("bt-launch-" + launch, TestClock.today().minusDays(3)).query(Long.class).single();
        review(unit("通报测试未提交单位", "154301"), "NOT_SUBMITTED", reviewLaunch);
        review(unit("通报测试待提交单位", "154302"), "OPEN", reviewLaunch);
        review(unit("外地未提交单位", "154401"), "NOT_SUBMITTED", reviewLaunch);
        designations.insert(unit("通报测试整改单位", "154302").id(), Level.BANNER, null, DesignationStatus.RECTIFYING, null, "通报测试");
    }

    @Test
    void theCitysBulletinCountsItsBannersAndNamesTheLaggards() throws Exception {
        sendBulletins.run();

        List<MimeMessage> city = to("btcity@test.example");
        assertThat(city).hasSize(1);
        MimeMessage mail = city.get(0);
        assertThat(mail.getSubject()).contains("工作通报", "154300 及下辖地区", "逾期任务 3 项");
        Parts parts = parts(mail);
        assertThat(parts.html).contains("民族团结进步创建工作通报", "cid:chart",
                "通报测试甲单位", "通报测试乙单位", "材料审核：通报测试丁单位", // overdue tasks, most overdue first
                "未报送单位", "迟报单位", "通报测试未提交单位", "通报测试待提交单位", "通报测试整改单位", "期限未定")
                .doesNotContain("外地", "通报测试丙单位");
        assertThat(parts.html.indexOf("通报测试甲单位")).isLessThan(parts.html.indexOf("通报测试乙单位"));
        assertThat(parts.text).contains("共 4 项，其中已逾期 3 项", "属地初审：待办 3，逾期 2", "民委（创建办）：待办 1，逾期 1",
                "应报 3，已报 2，逾期未报 1，迟报 1；逾期未报：未报送单位",
                "待提交 1，已过截止日期 1，逾期未提交 1", "通报测试整改单位");
        assertThat(parts.inlineImages).as("the chart, inline").isEqualTo(1);
        assertThat(parts.pdf).as("the PDF attachment").isNotNull();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/reports"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/reports/bulletin.pdf"), parts.pdf);
        try (PDDocument pdf = Loader.loadPDF(parts.pdf)) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains("民族团结进步创建工作通报", "154300及下辖地区", "通报测试甲单位", "未报送单位",
                    "通报测试未提交单位", "通报测试整改单位").doesNotContain("外地");
        }

        String banner = text(to("btbanner@test.example"));
        assertThat(banner).contains("共 3 项，其中已逾期 2 项", "应报 2，已报 1，逾期未报 1，迟报 0", "通报测试未提交单位")
                .doesNotContain("迟报单位", "通报测试丁单位", "通报测试待提交单位", "通报测试整改单位");
        assertThat(to("btprelim@test.example")).as("preliminary reviewers are not recipients").isEmpty();
        assertThat(text(to("btforeign@test.example"))).contains("外地未报送单位", "外地未提交单位")
                .doesNotContain("通报测试甲单位", "通报测试未提交单位", "通报测试整改单位");
    }

    @Test
    void oneBulletinPerRecipientAndPeriodHoweverOftenItRuns() throws Exception {
        sendBulletins.run();
        sendBulletins.run();
        // Through the model as its timer would: the instance, then its asynchronous step's job.
        String instance = engine.getRuntimeService().startProcessInstanceByKey("bulletin").getId();
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(instance).singleResult().getId());

        assertThat(to("btcity@test.example")).hasSize(1);
        assertThat(to("btbanner@test.example")).hasSize(1);
        String period = BulletinSettings.Period.WEEK.key(TestClock.today());
        assertThat(jdbc.sql("SELECT count(*) FROM registry.mail_outbox WHERE dedup_key = ?")
                .param("bulletin:" + period + ":154300:btcity@test.example").query(Long.class).single()).isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("queued").singleResult().getValue()).isEqualTo(0);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance)
                .singleResult().getEndTime()).isNotNull();

        // The next week is a new period: a new bulletin.
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(Date.from(TestClock.START.plusWeeks(1).toInstant()));
        try {
            sendBulletins.run();
        } finally {
            TestClock.pin();
        }
        assertThat(to("btcity@test.example")).hasSize(2);
    }

    @Test
    void periodsAndChartScale() {
        LocalDate monday = LocalDate.of(2026, 6, 15);
        assertThat(BulletinSettings.Period.WEEK.key(monday)).isEqualTo("2026-W25");
        assertThat(BulletinSettings.Period.WEEK.key(monday.plusDays(6))).isEqualTo("2026-W25");
        assertThat(BulletinSettings.Period.WEEK.key(LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
        assertThat(BulletinSettings.Period.MONTH.key(monday)).isEqualTo("2026-06");
        assertThat(BulletinSettings.Period.DAY.key(monday)).isEqualTo("2026-06-15");
        assertThat(List.of(0, 3, 4, 5, 9, 37, 201).stream().map(BulletinChart::niceMax).toList())
                .containsExactly(4, 4, 4, 8, 20, 40, 400);
        assertThat(SendBulletins.key("2026-W25", "150525", "a".repeat(300) + "@x.example")).hasSizeLessThanOrEqualTo(200);
    }

    // ---------------------------------------------------------------- fixtures and mail parts

    private void task(String name, String group, OffsetDateTime due) {
        Task task = engine.getTaskService().newTask();
        task.setName(name);
        task.setDueDate(Date.from(due.toInstant()));
        engine.getTaskService().saveTask(task);
        engine.getTaskService().addCandidateGroup(task.getId(), group);
    }

    private void submission(long launch, String region, String member, String status, boolean submitted, boolean late) {
        OffsetDateTime due = TestClock.START.toOffsetDateTime().minusDays(2);
        jdbc.sql("""
                INSERT INTO registry.report_submission (launch_id, member_key, member_type, member_name, region_code,
                    requester_region_code, launch_title, process_instance_id, status, due_date, due_at, requested_at,
                    first_submitted_at, late)
                VALUES (?, ?, 'UNIT', ?, ?, '154300', '通报测试活动月总结', ?, ?, ?, ?, ?, ?, ?)""")
                .params(launch, "unit:" + member, member, region, "bt-" + launch + "-" + member, status, due.toLocalDate(), due,
                        due.minusDays(20), submitted ? (late ? due.plusDays(1) : due.minusDays(1)) : null, late)
                .update();
    }

    private Unit unit(String name, String region) {
        return units.insert(new Unit(null, name, UnitType.SCHOOL, region, "btprelim", "通报联系人", "btprelim@test.example"));
    }

    private void review(Unit unit, String status, long launch) {
        long designation = designations.insert(unit.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "通报测试");
        jdbc.sql("""
                INSERT INTO registry.annual_review (designation_id, review_year, launch_id, process_instance_id, status, opened_at)
                VALUES (?, ?, ?, ?, ?, now())""")
                .params(designation, TestClock.today().getYear(), launch, "bt-review-" + designation, status).update();
    }

    private static List<MimeMessage> to(String address) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
                out.add(m);
            }
        }
        return out;
    }

    private static String text(List<MimeMessage> mails) throws Exception {
        assertThat(mails).hasSize(1);
        return parts(mails.get(0)).text;
    }

    private static final class Parts {
        String html;
        String text;
        byte[] pdf;
        int inlineImages;
    }

    private static Parts parts(MimeMessage message) throws Exception {
        Parts parts = new Parts();
        walk(message.getContent(), parts);
        return parts;
    }

    private static void walk(Object content, Parts parts) throws Exception {
        if (!(content instanceof Multipart multipart)) {
            return;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                parts.text = (String) part.getContent();
            } else if (part.isMimeType("text/html")) {
                parts.html = (String) part.getContent();
            } else if (part.isMimeType("application/pdf")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                part.getInputStream().transferTo(out);
                parts.pdf = out.toByteArray();
            } else if (part.isMimeType("image/png")) {
                parts.inlineImages++;
            } else {
                walk(part.getContent(), parts);
            }
        }
    }
}
