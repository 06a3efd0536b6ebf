package org.ethnicunity.platform.reports.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
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
 * Statistics below the banner, on banner 156301 of its own: the banner's commission counts its
 * townships' and villages' titles and may narrow to one township; a township's preliminary reviewers
 * count theirs only; the neighbouring banner 156302 counts none of them.
 */
class TownshipStatisticsTest extends IntegrationTest {

    private static boolean seeded;

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired DesignationRepository designations;

    RestClient rest;

    @BeforeEach
    void seed() {
        rest = new RestClient(port);
        member("sttbanner", "commission-156301");
        member("stttownship", "prelim-156301100");
        member("sttforeign", "commission-156302");
        if (seeded) {
            return;
        }
        seeded = true;
        titled("统计区划测试旗直属中学", "156301");
        titled("统计区划测试苏木学校", "156301100");
        titled("统计区划测试嘎查", "156301100002");
        titled("统计区划测试镇学校", "156301101");
        titled("统计区划测试邻旗苏木学校", "156302100");
    }

    @Test
    void aBannerCountsItsTownshipsAndVillagesAndNarrowsToOne() {
        assertThat(regionsCounted("sttbanner", "")).containsExactlyInAnyOrder("156301", "156301100", "156301100002", "156301101");
        assertThat(regionsCounted("sttbanner", "?regionCode=156301100")).containsExactlyInAnyOrder("156301100", "156301100002");
        assertThat(regionsCounted("sttforeign", "")).containsExactly("156302100");
        assertThat(get("sttforeign", "?regionCode=156301100").status()).isEqualTo(403);
    }

    @Test
    void aTownshipsReviewersCountTheirTownshipOnly() {
        assertThat(regionsCounted("stttownship", "")).containsExactlyInAnyOrder("156301100", "156301100002");
        assertThat(get("stttownship", "?regionCode=156301").status()).as("not their banner").isEqualTo(403);
        assertThat(get("stttownship", "?regionCode=156301101").status()).as("nor another township").isEqualTo(403);
        RestClient.Response bad = get("sttbanner", "?regionCode=1563011");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("message").asText()).contains("9 位（苏木乡镇/街道）");
    }

    private RestClient.Response get(String user, String query) {
        return rest.get(user, "secret-" + user, "/api/statistics" + query);
    }

    private List<String> regionsCounted(String user, String query) {
        RestClient.Response r = get(user, query);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> regions = new ArrayList<>();
        for (JsonNode count : r.body().get("counts")) {
            regions.add(count.get("regionCode").asText());
        }
        return regions;
    }

    private void titled(String name, String region) {
        Unit unit = units.insert(new Unit(null, name, UnitType.SCHOOL, region, "sttcontact", "联系人", "sttcontact@test.example"));
        designations.insert(unit.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "区划测试");
    }
}
