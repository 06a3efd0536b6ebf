package org.ethnicunity.platform.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The registry's /api: who may create what, clear refusals, and people seeing only their region. */
class RegistryApiTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired DesignationRepository designations;

    RestClient rest;

    @BeforeEach
    void setUp() {
        rest = new RestClient(port);
    }

    private Map<String, Object> unit(String name, String region) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("unitType", "学校");
        body.put("regionCode", region);
        body.put("contactUser", "unit1");
        body.put("contactName", "王丽");
        body.put("contactEmail", "unit1@demo.example");
        return body;
    }

    @Test
    void commissionStaffRegisterUnitsOfTheirRegionOnly() {
        String name = "奈曼旗实验小学" + System.nanoTime();
        RestClient.Response created = rest.post("commission1", "demo", "/api/units", unit(name, "150525"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("unitType").asText()).isEqualTo("SCHOOL");
        assertThat(units.findByName(name, "150525")).isPresent();

        RestClient.Response foreign = rest.post("commission1", "demo", "/api/units", unit("外旗单位" + System.nanoTime(), "150522"));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body().get("message").asText()).contains("无权登记该地区的创建单位");

        RestClient.Response duplicate = rest.post("commission1", "demo", "/api/units", unit(name, "150525"));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.body().get("message").asText()).contains("已登记名为");

        assertThat(rest.post("unit1", "demo", "/api/units", unit("自建" + System.nanoTime(), "150525")).status()).isEqualTo(403);
    }

    @Test
    void badUnitDataIsRefusedWithTheFieldNamed() {
        Map<String, Object> badRegion = unit("单位" + System.nanoTime(), "1505");
        RestClient.Response response = rest.post("admin", "demo", "/api/units", badRegion);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("message").asText()).contains("regionCode").contains("6 位行政区划代码");

        Map<String, Object> badType = unit("单位" + System.nanoTime(), "150525");
        badType.put("unitType", "工厂");
        assertThat(rest.post("admin", "demo", "/api/units", badType).body().get("message").asText()).contains("未知的单位类型：工厂");

        Map<String, Object> ghost = unit("单位" + System.nanoTime(), "150525");
        ghost.put("contactUser", "nobody");
        assertThat(rest.post("admin", "demo", "/api/units", ghost).body().get("message").asText()).contains("联系人账号「nobody」不存在");

        RestClient.Response garbage = rest.send("admin", "demo", java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/units")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{not json")));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.raw()).doesNotContain("Exception");
    }

    @Test
    void campaignsNeedAMatchingIndicatorSet() {
        Map<String, Object> campaign = new HashMap<>();
        campaign.put("code", "C-" + System.nanoTime());
        campaign.put("name", "奈曼旗测试批次");
        campaign.put("level", "CITY");
        campaign.put("year", 2026);
        campaign.put("regionCode", "150525");
        campaign.put("applicationStart", "2026-01-01");
        campaign.put("applicationEnd", "2026-12-31");
        campaign.put("quota", 30);
        campaign.put("indicatorSetId", 1);
        RestClient.Response mismatch = rest.post("commission1", "demo", "/api/campaigns", campaign);
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body().get("message").asText()).contains("与批次级别（盟市级）不符");

        campaign.put("level", "BANNER");
        campaign.put("applicationEnd", "2025-12-31");
        assertThat(rest.post("commission1", "demo", "/api/campaigns", campaign).body().get("message").asText())
                .contains("申报截止日期不能早于开始日期");

        campaign.put("applicationEnd", "2026-12-31");
        RestClient.Response created = rest.post("commission1", "demo", "/api/campaigns", campaign);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("quota").asInt()).isEqualTo(30);
    }

    @Test
    void designationsShowTheirHistoryToTheirRegionOnly() {
        Unit community = units.findByContact("unit2").get(0);
        Designation named = designations.findByUnit(community.id()).stream()
                .filter(d -> d.status() == DesignationStatus.NAMED).findFirst().orElseThrow();
        RestClient.Response own = rest.get("unit2", "demo", "/api/designations/" + named.id());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().at("/history/0/toStatus").asText()).isEqualTo("NAMED");
        assertThat(own.body().at("/unit/name").asText()).isEqualTo("大沁他拉街道团结社区");

        assertThat(rest.get("supervisor1", "demo", "/api/designations/" + named.id()).status()).isEqualTo(200);
        assertThat(rest.get("unit1", "demo", "/api/designations/" + named.id()).status()).isEqualTo(404);
        assertThat(rest.get("prelim2", "demo", "/api/units/" + community.id()).status()).isEqualTo(404);
        assertThat(rest.get("prelim2", "demo", "/api/units").body().findValuesAsText("regionCode")).containsOnly("150522");
        assertThat(rest.get("admin", "demo", "/api/designations/999999").status()).isEqualTo(404);
    }
}
