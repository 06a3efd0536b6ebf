package org.ethnicunity.platform.reportrequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A report request's received reports as one workbook: the summary's counts and one row per member
 * with its report, for the requesting commission only (the API and the page's download).
 */
class ReportWorkbookTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    long launchId;

    /** Three members of a request of 158500 (乌兰察布市): accepted late, submitted, nothing sent yet. */
    @BeforeEach
    void threeMembers() {
        member("rwcommission", "commission-158500");
        member("rwother", "commission-158300");
        launchId = ReportRequestFixture.newLaunchId();
        String[][] members = {{"集宁区第一中学", "ACCEPTED", "true"}, {"丰镇市团结社区", "SUBMITTED", "false"},
                {"卓资县民族中学", "REQUESTED", "false"}};
        var due = TestClock.today().minusDays(1);
        for (int i = 0; i < members.length; i++) {
            boolean sent = !members[i][1].equals("REQUESTED");
            jdbc.sql("""
                    INSERT INTO registry.report_submission (launch_id, member_key, member_type, member_name, region_code,
                        requester_region_code, launch_title, process_instance_id, status, due_date, due_at, requested_at,
                        first_submitted_at, submitted_at, submitted_by, submissions, late, report_text, report_link,
                        reviewed_by, review_comment)
                    VALUES (?, ?, 'UNIT', ?, '158501', '158500', '2026年民族团结进步活动月总结', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(launchId, "unit:" + (9000 + i), members[i][0], "rw-" + launchId + "-" + i, members[i][1], due,
                            due.atTime(23, 59).atZone(TestClock.ZONE).toOffsetDateTime(),
                            TestClock.START.minusDays(20).toOffsetDateTime(),
                            sent ? TestClock.START.minusDays(2).toOffsetDateTime() : null,
                            sent ? TestClock.START.minusDays(2).toOffsetDateTime() : null, sent ? "contact" + i : null,
                            sent ? 1 : 0, Boolean.parseBoolean(members[i][2]), sent ? "本单位开展了宣传月活动，共计 12 场" : null,
                            sent ? "https://example.org/report-" + i + ".pdf" : null,
                            i == 0 ? "rwcommission" : null, i == 0 ? "内容详实" : null)
                    .update();
        }
    }

    private HttpResponse<byte[]> get(String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":secret-" + user)
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theRequestingCommissionGetsEveryReportInOneWorkbook() throws Exception {
        HttpResponse<byte[]> answer = get("rwcommission", "/api/report-requests/" + launchId + "/reports.xlsx");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains("filename*=UTF-8''" + java.net.URLEncoder.encode("工作报送-2026年民族团结进步活动月总结", StandardCharsets.UTF_8)));
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(answer.body()), new ReadingOptions(true, false))) {
            List<Row> summary = rows(workbook, "汇总");
            assertThat(summary.stream().map(r -> r.getCellText(0) + "=" + r.getCellText(1)).toList())
                    .contains("工作报送=2026年民族团结进步活动月总结", "应报送=3", "已报送=2", "其中逾期报送=1", "逾期未报=1",
                            "已采用=1", "待审阅=1", "发起民委（行政区划）=158500");
            List<Row> members = rows(workbook, "报送情况");
            assertThat(members).hasSize(4);
            assertThat(members.get(0).getCellText(0)).isEqualTo("报送方");
            assertThat(members.get(0).getCellText(9)).isEqualTo("报告内容");
            Row accepted = members.stream().filter(r -> r.getCellText(0).equals("集宁区第一中学")).findFirst().orElseThrow();
            assertThat(accepted.getCellText(3)).isEqualTo("已采用");
            assertThat(accepted.getCellText(4)).isEqualTo("是");
            assertThat(accepted.getCellText(9)).isEqualTo("本单位开展了宣传月活动，共计 12 场");
            assertThat(accepted.getCellText(14)).isEqualTo("内容详实");
            assertThat(accepted.getCell(5).getType()).as("submitted at: a date cell").isEqualTo(CellType.NUMBER);
            assertThat(accepted.getCellAsDate(5).orElseThrow())
                    .isEqualTo(TestClock.START.minusDays(2).toLocalDateTime());
            Row missing = members.stream().filter(r -> r.getCellText(0).equals("卓资县民族中学")).findFirst().orElseThrow();
            assertThat(missing.getCellText(3)).isEqualTo("待报送");
            assertThat(missing.getCellText(9)).isEmpty();
        }
    }

    @Test
    void nobodyElseLearnsTheRequestExists() throws Exception {
        HttpResponse<byte[]> other = get("rwother", "/api/report-requests/" + launchId + "/reports.xlsx");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(new String(other.body(), StandardCharsets.UTF_8)).doesNotContain("活动月总结");
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/report-requests/" + launchId + "/reports.xlsx")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        WebappSession browser = new WebappSession(port);
        assertThat(browser.page("/report-requests/" + launchId + "/reports.xlsx").statusCode()).isEqualTo(403);
        assertThat(browser.login("rwcommission", "secret-rwcommission")).isTrue();
        assertThat(browser.page("/report-requests/" + launchId).body()).contains("/report-requests/" + launchId + "/reports.xlsx");
        HttpResponse<String> download = browser.page("/report-requests/" + launchId + "/reports.xlsx");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private static List<Row> rows(ReadableWorkbook workbook, String sheet) throws Exception {
        try (var stream = workbook.findSheet(sheet).orElseThrow().openStream()) {
            return new ArrayList<>(stream.toList());
        }
    }
}
