package org.ethnicunity.platform.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.WebappSession;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The units list with titles at every level, the campaigns and launches with their progress, and
 * the designation page's annual reviews, procedures and links, against {@link RegistrySeed}.
 */
class RegistryProgressTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired DesignationRepository designations;
    @Autowired CampaignRepository campaigns;
    @Autowired JdbcClient jdbc;

    RestClient rest;
    long[] launches;

    @BeforeEach
    void seed() {
        RegistrySeed.ensure(units, designations, this::member);
        launches = RegistrySeed.ensureProgress(jdbc, units, designations, campaigns);
        member("rvcity", "commission-" + RegistrySeed.CITY);
        member("rvbanner", "commission-" + RegistrySeed.LEFT);
        member("rvforeign", "prelim-" + RegistrySeed.FOREIGN);
        member("rvsupervisor", "supervision-" + RegistrySeed.CITY);
        member("rvxilin", "commission-" + RegistrySeed.PROGRESS_CITY);
        member("rvxsupervisor", "supervision-" + RegistrySeed.PROGRESS_CITY);
        rest = new RestClient(port);
    }

    private JsonNode get(String user, String path) {
        RestClient.Response r = rest.get(user, RegistryListTest.password(user), path);
        assertThat(r.status()).as(path + " " + r.raw()).isEqualTo(200);
        return r.body();
    }

    @Test
    void unitsWithTheirTitleAtEveryLevel() {
        assertThat(get("rvcity", "/api/registry/units").get("total").asLong()).isEqualTo(10);
        assertThat(get("rvbanner", "/api/registry/units").get("total").asLong()).isEqualTo(6);
        assertThat(get("rvcity", "/api/registry/units?holding=CITY").get("total").asLong()).isEqualTo(2);
        assertThat(get("rvcity", "/api/registry/units?unitType=AGENCY").get("total").asLong()).isEqualTo(2);
        assertThat(get(RegistrySeed.CONTACT, "/api/registry/units").findValuesAsText("name")).containsExactly("阿左旗第1学校");

        JsonNode first = get("rvcity", "/api/registry/units?q=" + java.net.URLEncoder.encode("阿左旗第1学校",
                java.nio.charset.StandardCharsets.UTF_8)).get("items").get(0);
        assertThat(first.at("/banner/statusLabel").asText()).isEqualTo("已命名");
        assertThat(first.at("/city/statusLabel").asText()).isEqualTo("已命名");
        assertThat(first.get("region").isNull()).isTrue();
        JsonNode declined = get("rvxilin", "/api/registry/units?q=" + java.net.URLEncoder.encode("二连浩特第2学校",
                java.nio.charset.StandardCharsets.UTF_8)).get("items").get(0);
        assertThat(declined.at("/city/statusLabel").asText()).isEqualTo("未通过");
        assertThat(declined.at("/city/holding").asBoolean()).isFalse();
        JsonNode rectifying = get("rvcity", "/api/registry/units?region=158122&sort=name&dir=desc").get("items").get(0);
        assertThat(rectifying.get("name").asText()).isEqualTo("阿右旗第4机关");
        assertThat(rectifying.at("/banner/statusLabel").asText()).isEqualTo("整改中");
    }

    @Test
    void campaignsWithTheirProgressForTheRegionsStaff() {
        JsonNode list = get("rvxilin", "/api/registry/campaigns?region=158301");
        assertThat(list.get("total").asLong()).isEqualTo(1);
        JsonNode campaign = list.get("items").get(0);
        assertThat(campaign.get("code").asText()).isEqualTo("RV-158301-CITY");
        assertThat(campaign.get("applications").asLong()).isEqualTo(3);
        assertThat(campaign.get("inReview").asLong()).isEqualTo(1);
        assertThat(campaign.get("declined").asLong()).isEqualTo(1);
        assertThat(campaign.get("named").asLong()).isEqualTo(1);
        assertThat(get("rvxsupervisor", "/api/registry/campaigns?region=158301").get("total").asLong()).isEqualTo(1);
        assertThat(get("rvcity", "/api/registry/campaigns").findValuesAsText("code")).doesNotContain("RV-158301-CITY");
        assertThat(get(RegistrySeed.CONTACT, "/api/registry/campaigns").get("total").asLong()).as("contacts: none").isZero();
    }

    @Test
    void launchesWithStartedSubmittedGradedAndOverdue() {
        JsonNode list = get("rvxilin", "/api/registry/launches?region=158301");
        assertThat(list.get("total").asLong()).isEqualTo(2);
        JsonNode review = find(list, launches[0]);
        assertThat(review.get("kindLabel").asText()).isEqualTo("年度评估");
        assertThat(List.of(review.get("started").asLong(), review.get("submitted").asLong(), review.get("graded").asLong(),
                review.get("overdue").asLong())).containsExactly(3L, 2L, 1L, 1L);
        assertThat(review.get("link").asText()).isEqualTo("/launches/" + launches[0]);
        JsonNode report = find(list, launches[1]);
        assertThat(List.of(report.get("started").asLong(), report.get("submitted").asLong(), report.get("graded").asLong(),
                report.get("overdue").asLong())).containsExactly(3L, 2L, 1L, 1L);
        assertThat(report.get("link").asText()).isEqualTo("/report-requests/" + launches[1]);
        assertThat(get("rvxilin", "/api/registry/launches?region=158301&kind=REPORT_REQUEST").get("total").asLong()).isEqualTo(1);
        assertThat(rest.get("rvxilin", "secret-rvxilin", "/api/registry/launches?kind=NAMING").status()).isEqualTo(400);
        // Launches are the commission's: other roles and other regions see none of these.
        assertThat(get("rvxsupervisor", "/api/registry/launches?region=158301").get("total").asLong()).isZero();
        assertThat(get("rvcity", "/api/registry/launches?region=158301").get("total").asLong()).isZero();
        assertThat(get("admin", "/api/registry/launches?region=158301").get("total").asLong()).isEqualTo(2);
    }

    @Test
    void thePagesShowTheProgressAndTheUnitsTitles() throws Exception {
        WebappSession browser = new WebappSession(port);
        assertThat(browser.login("rvxilin", "secret-rvxilin")).isTrue();
        HttpResponse<String> launchPage = browser.page("/registry/launches?region=158301");
        assertThat(launchPage.statusCode()).isEqualTo(200);
        assertThat(launchPage.body()).contains("二连浩特进度测试：年度评估", "二连浩特进度测试：工作报送",
                "/report-requests/" + launches[1], "class=\"overdue\"", "共 <b>2</b> 条");
        assertThat(browser.page("/registry/campaigns?region=158301").body()).contains("二连浩特进度测试批次", "RV-158301-CITY");
        WebappSession city = new WebappSession(port);
        assertThat(city.login("rvcity", "secret-rvcity")).isTrue();
        assertThat(city.page("/registry/units?region=158122").body()).contains("阿右旗第4机关", "整改中")
                .doesNotContain("阿左旗");
        var xlsx = RegistryListTest.read(new RegistryListTest.Downloader(port).get("rvxilin", "/api/registry/launches.xlsx?region=158301"));
        assertThat(xlsx).hasSize(3);
        assertThat(xlsx.get(0).getCellText(11)).isEqualTo("逾期未交");
        var unitsXlsx = RegistryListTest.read(new RegistryListTest.Downloader(port).get("rvcity", "/api/registry/units.xlsx?region=158122"));
        assertThat(unitsXlsx).hasSize(5);
        assertThat(unitsXlsx.get(0).getCellText(6)).isEqualTo("旗县级称号");
    }

    @Test
    void theDesignationPageShowsAnnualReviewsProceduresAndLinks() {
        Unit unit = units.findByName("阿右旗第4机关", RegistrySeed.RIGHT).orElseThrow();
        long id = designations.findByUnit(unit.id()).get(0).id();
        WebappSession staff = new WebappSession(port);
        assertThat(staff.login("rvcity", "secret-rvcity")).isTrue();
        String body = staff.page("/registry/designations/" + id).body();
        assertThat(body).contains("年度评估", "不合格", "71.5", "台账不全", "已启动复核复检", "复核复检", "限期整改",
                "/registry/designations/" + id + "/dossier.pdf").doesNotContain("在 Cockpit 中查看");
        WebappSession admin = new WebappSession(port);
        assertThat(admin.login("admin", "demo")).isTrue();
        assertThat(admin.page("/registry/designations/" + id).body())
                .contains("在 Cockpit 中查看", "/camunda/app/cockpit/default/#/process-instance/rv-page-reinspection");
    }

    private static JsonNode find(JsonNode list, long id) {
        for (JsonNode item : list.get("items")) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("launch " + id + " not in " + list);
    }
}
