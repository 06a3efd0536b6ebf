package org.ethnicunity.platform.reports.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.WebappSession;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;
import org.ethnicunity.platform.reports.Downloads;
import org.ethnicunity.platform.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statistics against seeded titles of known counts in regions nobody else uses: 154101 and 154102
 * (banners of the city 154100) and 154201 (another city's banner). Each caller gets the figures of
 * their own regions and the regions below, never another's, in JSON, Excel and on the page.
 */
class StatisticsTest extends IntegrationTest {

    private static boolean seeded;

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired DesignationRepository designations;
    @Autowired JdbcClient jdbc;

    private RestClient rest;

    @BeforeEach
    void seed() {
        rest = new RestClient(port);
        member("stbanner", Roles.group(Roles.COMMISSION, "154101"));
        member("stcity", Roles.group(Roles.LEADING_GROUP, "154100"));
        member("stforeign", Roles.group(Roles.COMMISSION, "154201"));
        member("stunit", Roles.UNIT_CONTACTS);
        if (seeded) {
            return;
        }
        seeded = true;
        Unit school = unit("统计测试第一中学", UnitType.SCHOOL, "154101");
        Unit community = unit("统计测试团结社区", UnitType.COMMUNITY, "154101");
        Unit otherBanner = unit("统计测试第二中学", UnitType.SCHOOL, "154102");
        Unit foreign = unit("统计测试外地中学", UnitType.SCHOOL, "154201");
        long schoolBanner = title(school, Level.BANNER, DesignationStatus.NAMED, "2024-05-01");
        title(school, Level.CITY, DesignationStatus.NAMED, "2025-03-01");
        long revoked = title(community, Level.BANNER, DesignationStatus.REVOKED, "2023-01-10");
        event(revoked, DesignationStatus.NAMED, DesignationStatus.RECTIFYING, "2024-09-01T10:00+08:00");
        event(revoked, DesignationStatus.IN_EXIT, DesignationStatus.REVOKED, "2025-06-01T10:00+08:00");
        long rectifying = title(otherBanner, Level.BANNER, DesignationStatus.RECTIFYING, "2024-02-02");
        // New Year's Day in Beijing, still 2024 in UTC: counted in 2025, the business time zone's year.
        event(rectifying, DesignationStatus.UNDER_REINSPECTION, DesignationStatus.RECTIFYING, "2025-01-01T07:00+08:00");
        long foreignTitle = title(foreign, Level.BANNER, DesignationStatus.REVOKED, "2024-01-01");
        event(foreignTitle, DesignationStatus.IN_EXIT, DesignationStatus.REVOKED, "2025-03-03T10:00+08:00");
        review(schoolBanner, "GRADED", "EXCELLENT");
        review(rectifying, "NOT_SUBMITTED", null);
        review(foreignTitle, "GRADED", "FAIL");
    }

    @Test
    void aBannerCommissionCountsItsOwnBannerOnly() {
        JsonNode s = statistics("stbanner", "");
        assertThat(s.get("scope")).extracting(JsonNode::asText).containsExactly("154101");
        assertThat(counts(s)).containsExactlyInAnyOrder(
                tuple("BANNER", "154101", "SCHOOL", "NAMED", 1L),
                tuple("CITY", "154101", "SCHOOL", "NAMED", 1L),
                tuple("BANNER", "154101", "COMMUNITY", "REVOKED", 1L));
        assertThat(rows(s, "namedPerYear", "year", "level", "count")).containsExactly(
                tuple(2023, "BANNER", 1L), tuple(2024, "BANNER", 1L), tuple(2025, "CITY", 1L));
        assertThat(rows(s, "revocationsPerYear", "year", "count")).containsExactly(tuple(2025, 1L));
        assertThat(rows(s, "rectificationsPerYear", "year", "count")).containsExactly(tuple(2024, 1L));
        assertThat(rows(s, "grades", "year", "grade", "count")).containsExactly(tuple(2025, "EXCELLENT", 1L));
        assertThat(s.get("counts").get(0).get("levelLabel").asText()).isIn("旗县级", "盟市级");
    }

    @Test
    void aCitysLeadingGroupCountsItsBannersButNotAnotherCitys() {
        JsonNode s = statistics("stcity", "");
        assertThat(counts(s)).containsExactlyInAnyOrder(
                tuple("BANNER", "154101", "SCHOOL", "NAMED", 1L),
                tuple("CITY", "154101", "SCHOOL", "NAMED", 1L),
                tuple("BANNER", "154101", "COMMUNITY", "REVOKED", 1L),
                tuple("BANNER", "154102", "SCHOOL", "RECTIFYING", 1L));
        assertThat(rows(s, "namedPerYear", "year", "level", "count")).containsExactly(
                tuple(2023, "BANNER", 1L), tuple(2024, "BANNER", 2L), tuple(2025, "CITY", 1L));
        assertThat(rows(s, "revocationsPerYear", "year", "count")).containsExactly(tuple(2025, 1L));
        assertThat(rows(s, "rectificationsPerYear", "year", "count")).containsExactly(tuple(2024, 1L), tuple(2025, 1L));
        assertThat(rows(s, "grades", "year", "grade", "count")).containsExactly(
                tuple(2025, "EXCELLENT", 1L), tuple(2025, "NOT_SUBMITTED", 1L));

        JsonNode narrowed = statistics("stcity", "?regionCode=154102");
        assertThat(counts(narrowed)).containsExactly(tuple("BANNER", "154102", "SCHOOL", "RECTIFYING", 1L));
        assertThat(counts(statistics("admin", "?regionCode=154100"))).hasSize(4);
    }

    @Test
    void nobodyReadsAnotherRegionsFigures() {
        assertThat(rest.get("stbanner", "secret-stbanner", "/api/statistics?regionCode=154102").status()).isEqualTo(403);
        assertThat(rest.get("stbanner", "secret-stbanner", "/api/statistics?regionCode=154100").status()).isEqualTo(403);
        assertThat(rest.get("stforeign", "secret-stforeign", "/api/statistics?regionCode=154101").status()).isEqualTo(403);
        assertThat(counts(statistics("stforeign", ""))).containsExactly(tuple("BANNER", "154201", "SCHOOL", "REVOKED", 1L));
        RestClient.Response contact = rest.get("stunit", "secret-stunit", "/api/statistics");
        assertThat(contact.status()).isEqualTo(403);
        assertThat(contact.body().get("message").asText()).contains("无权查看统计");
        assertThat(rest.get(null, null, "/api/statistics").status()).isEqualTo(401);
        RestClient.Response bad = rest.get("stcity", "secret-stcity", "/api/statistics?regionCode=15810");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("message").asText()).contains("6 位数字");
        assertThat(Downloads.get(port, "stbanner", "secret-stbanner", "/api/statistics.xlsx?regionCode=154102").statusCode())
                .isEqualTo(403);
    }

    @Test
    void theSameFiguresComeAsAWorkbookWithChineseHeaders() throws IOException {
        HttpResponse<byte[]> xlsx = Downloads.get(port, "stcity", "secret-stcity", "/api/statistics.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).startsWith(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", ".xlsx");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<List<String>> cube = sheet(workbook, "分级分区统计");
            assertThat(cube.get(0)).containsExactly("级别", "行政区划", "单位类型", "状态", "数量");
            assertThat(cube.subList(1, cube.size())).containsExactlyInAnyOrder(
                    List.of("旗县级", "154101", "学校", "已命名", "1"), List.of("盟市级", "154101", "学校", "已命名", "1"),
                    List.of("旗县级", "154101", "社区/嘎查村", "已撤销", "1"), List.of("旗县级", "154102", "学校", "整改中", "1"));
            assertThat(sheet(workbook, "历年整改")).containsExactly(List.of("年度", "责令整改数量"), List.of("2024", "1"),
                    List.of("2025", "1"));
            assertThat(sheet(workbook, "年度评估等级")).contains(List.of("2025", "逾期未提交", "1"));
        }
    }

    @Test
    void thePageDrawsTheChartsWithTheApplicationsOwnEcharts() {
        WebappSession browser = new WebappSession(port);
        assertThat(browser.login("stcity", "secret-stcity")).isTrue();
        HttpResponse<String> page = browser.page("/registry/statistics");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("示范单位统计", "154100（含下辖地区）", "saveAsImage", "154102",
                "整改中", "/registry/statistics.xlsx", "年度评估等级分布");
        assertThat(page.body()).doesNotContain("154201", "cdn", "http://", "https://");
        String script = page.body().replaceAll("(?s).*<script src=\"([^\"]+echarts[^\"]+)\".*", "$1");
        assertThat(script).startsWith("/webjars/echarts/").endsWith("/echarts.min.js");
        assertThat(new WebappSession(port).download(script).statusCode()).as("ECharts served by the application").isEqualTo(200);

        assertThat(new WebappSession(port).page("/registry/statistics").body()).contains("请先登录");
        WebappSession contact = new WebappSession(port);
        assertThat(contact.login("stunit", "secret-stunit")).isTrue();
        assertThat(contact.page("/registry/statistics").statusCode()).isEqualTo(403);
        HttpResponse<byte[]> xlsx = browser.download("/registry/statistics.xlsx?regionCode=154102");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2)).isEqualTo("PK");
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode statistics(String user, String query) {
        RestClient.Response r = rest.get(user, "admin".equals(user) ? "demo" : "secret-" + user, "/api/statistics" + query);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private static List<org.assertj.core.groups.Tuple> counts(JsonNode s) {
        List<org.assertj.core.groups.Tuple> out = new ArrayList<>();
        s.get("counts").forEach(c -> out.add(tuple(c.get("level").asText(), c.get("regionCode").asText(),
                c.get("unitType").asText(), c.get("status").asText(), c.get("count").asLong())));
        return out;
    }

    private static List<org.assertj.core.groups.Tuple> rows(JsonNode s, String field, String... keys) {
        List<org.assertj.core.groups.Tuple> out = new ArrayList<>();
        s.get(field).forEach(row -> {
            Object[] values = new Object[keys.length];
            for (int i = 0; i < keys.length; i++) {
                JsonNode v = row.get(keys[i]);
                values[i] = "count".equals(keys[i]) ? (Object) v.asLong() : v.isInt() ? (Object) v.asInt() : v.asText();
            }
            out.add(tuple(values));
        });
        return out;
    }

    private static List<List<String>> sheet(ReadableWorkbook workbook, String name) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (var stream = workbook.findSheet(name).orElseThrow().openStream()) {
            stream.forEach(row -> rows.add(cells(row)));
        }
        return rows;
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getCellCount(); c++) {
            String text = row.getCellText(c);
            cells.add(text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
        }
        return cells;
    }

    private Unit unit(String name, UnitType type, String region) {
        return units.insert(new Unit(null, name, type, region, "stunit", "统计联系人", "stunit@test.example"));
    }

    private long title(Unit unit, Level level, DesignationStatus status, String namedDate) {
        long id = designations.insert(unit.id(), level, null, status, null, "统计测试");
        jdbc.sql("UPDATE registry.designation SET named_date = ? WHERE id = ?").params(LocalDate.parse(namedDate), id).update();
        return id;
    }

    private void event(long designation, DesignationStatus from, DesignationStatus to, String at) {
        designations.insertEvent(designation, from, to, "stcity", "统计测试", null, OffsetDateTime.parse(at));
    }

    private void review(long designation, String status, String grade) {
        jdbc.sql("""
                INSERT INTO registry.annual_review (designation_id, review_year, process_instance_id, status, opened_at, grade)
                VALUES (?, 2025, ?, ?, now(), ?)""").params(designation, "st-review-" + designation, status, grade).update();
    }
}
