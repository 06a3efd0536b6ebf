package org.ethnicunity.platform.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The registry's scopes below the banner, on league 156400 of its own: banner 156401 with township
 * 156401100 (its own digits end in "00"), township 156401101 and its village 156401101003; banner
 * 156402 with township 156402100. A banner's and a city's staff see their townships' and villages'
 * units, a township's preliminary reviewers their township only.
 */
class TownshipRegistryScopeTest extends IntegrationTest {

    private static boolean seeded;
    private static long villageUnit;
    private static long otherTownshipUnit;

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired DesignationRepository designations;

    RestClient rest;

    @BeforeEach
    void seed() {
        rest = new RestClient(port);
        member("tsbanner", "commission-156401");
        member("tscity", "commission-156400");
        member("tsforeign", "commission-156402");
        member("tstownship", "prelim-156401100");
        member("tscontact", "unit-contacts");
        if (seeded) {
            return;
        }
        seeded = true;
        titled("奈曼测试旗直属中学", "156401");
        titled("测试苏木中心校", "156401100");
        titled("测试镇第二小学", "156401101");
        villageUnit = titled("测试嘎查党支部", "156401101003");
        otherTownshipUnit = titled("邻旗测试苏木学校", "156402100");
    }

    @Test
    void aBannerSeesItsTownshipsAndVillagesUnitsAndTitles() {
        assertThat(regions("tsbanner", "units", "")).containsExactlyInAnyOrder("156401", "156401100", "156401101", "156401101003");
        assertThat(total("tsbanner", "designations", "")).isEqualTo(4);
        assertThat(regions("tsbanner", "units", "?region=156401101")).containsExactlyInAnyOrder("156401101", "156401101003");
        assertThat(regions("tsbanner", "designations", "?region=156401101003")).containsExactly("156401101003");
        assertThat(regions("tsbanner", "units", "?region=156401100000")).as("a 12-digit code ending 000 is the township")
                .containsExactly("156401100");
        assertThat(total("tsbanner", "units", "?region=156402100")).isZero();
        assertThat(total("tscity", "units", "")).isEqualTo(5);
        assertThat(rest.get("tsbanner", "secret-tsbanner", "/api/units/" + villageUnit).status()).isEqualTo(200);
        assertThat(rest.get("tsbanner", "secret-tsbanner", "/api/units/" + otherTownshipUnit).status()).isEqualTo(404);
        assertThat(regions("tsforeign", "units", "")).containsExactly("156402100");
    }

    @Test
    void aTownshipsReviewersSeeTheirTownshipOnly() {
        assertThat(regions("tstownship", "units", "")).containsExactly("156401100");
        assertThat(regions("tstownship", "designations", "")).containsExactly("156401100");
        assertThat(total("tstownship", "units", "?region=156401")).as("the banner filter stays inside the township").isEqualTo(1);
        assertThat(rest.get("tstownship", "secret-tstownship", "/api/units/" + villageUnit).status()).isEqualTo(404);
    }

    @Test
    void unitsAreRegisteredInTownshipsAndVillagesButCampaignsOnlyForCommissions() {
        RestClient.Response created = rest.post("tsbanner", "secret-tsbanner", "/api/units", Map.of("name",
                "测试新登记社区" + System.nanoTime(), "unitType", "学校", "regionCode", "156401101000",
                "contactUser", "tscontact", "contactName", "联系人", "contactEmail", "tscontact@test.example"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("regionCode").asText()).isEqualTo("156401101");

        RestClient.Response badUnit = rest.post("tsbanner", "secret-tsbanner", "/api/units", Map.of("name", "测试错误代码",
                "unitType", "学校", "regionCode", "1564011010", "contactUser", "tscontact", "contactName", "联系人",
                "contactEmail", "tscontact@test.example"));
        assertThat(badUnit.status()).isEqualTo(400);
        assertThat(badUnit.body().get("message").asText()).contains("9 位（苏木乡镇/街道）");

        RestClient.Response foreign = rest.post("tsforeign", "secret-tsforeign", "/api/units", Map.of("name", "测试越权单位",
                "unitType", "学校", "regionCode", "156401100", "contactUser", "tscontact", "contactName", "联系人",
                "contactEmail", "tscontact@test.example"));
        assertThat(foreign.status()).isEqualTo(403);

        RestClient.Response township = rest.post("tsbanner", "secret-tsbanner", "/api/campaigns", Map.of("code",
                "TS-" + System.nanoTime(), "name", "苏木评选", "level", "BANNER", "year", 2026, "regionCode", "156401100",
                "applicationStart", "2026-01-01", "applicationEnd", "2026-12-31", "indicatorSetId", 1));
        assertThat(township.status()).isEqualTo(400);
        assertThat(township.body().get("message").asText()).contains("苏木乡镇、嘎查村没有民委");
    }

    private long titled(String name, String region) {
        Unit unit = units.insert(new Unit(null, name, UnitType.SCHOOL, region, "tscontact", "联系人", "tscontact@test.example"));
        designations.insert(unit.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "区划测试");
        return unit.id();
    }

    private JsonNode list(String user, String what, String query) {
        RestClient.Response r = rest.get(user, "secret-" + user, "/api/registry/" + what + query);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private long total(String user, String what, String query) {
        return list(user, what, query).get("total").asLong();
    }

    private java.util.List<String> regions(String user, String what, String query) {
        return list(user, what, query + (query.isEmpty() ? "?" : "&") + "size=100").findValuesAsText("regionCode");
    }
}
