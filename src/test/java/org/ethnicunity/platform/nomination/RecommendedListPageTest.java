package org.ethnicunity.platform.nomination;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.WebappSession;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The recommended list as a registry page: the upper campaign's commission sees every recommended
 * unit with its reasons, lower title, lower approval and dossier link, and finds the page from the
 * campaign list; a recommending commission sees only its own recommendations; another banner's
 * commission gets a Chinese 404 page, the API the same scope. Region codes 1572xx of this test's own.
 */
class RecommendedListPageTest extends IntegrationTest {

    private static final String CITY = "157200", BANNER = "157201", OTHER_BANNER = "157202";

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired DesignationRepository designations;
    @Autowired IndicatorSetRepository indicatorSets;

    RecommendationFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new RecommendationFixture(engine, units, campaigns, designations, indicatorSets);
        member("rlbanner", "commission-" + BANNER);
        member("rlleader", "leading-" + BANNER);
        member("rlcity", "commission-" + CITY);
        member("rlotherbanner", "commission-" + OTHER_BANNER);
        member("rlotherleader", "leading-" + OTHER_BANNER);
        grantStart("commission-" + BANNER, "recommendation");
        grantStart("commission-" + OTHER_BANNER, "recommendation");
    }

    private WebappSession loggedIn(String user) {
        WebappSession session = new WebappSession(port);
        assertThat(session.loginStatus(user, "secret-" + user)).isEqualTo(200);
        return session;
    }

    @Test
    void theUpperCommissionSeesTheWholeListAndEachRecommendingCommissionItsOwn() {
        Campaign city = fixture.cityCampaign(CITY);
        RecommendationFixture.Titled school = fixture.titledUnit(BANNER, "推荐名单测试学校");
        RecommendationFixture.Titled other = fixture.titledUnit(OTHER_BANNER, "另一旗推荐单位");
        fixture.approve(fixture.recommend("rlbanner", city, List.of(school), "民族团结教育进课堂，成效突出。"),
                "rlleader", "同意推荐（测党组会议纪要〔2026〕7号）");
        fixture.approve(fixture.recommend("rlotherbanner", city, List.of(other), "结对帮扶成效明显。"), "rlotherleader", "");
        String path = "/registry/campaigns/" + city.code() + "/recommendations";

        HttpResponse<String> whole = loggedIn("rlcity").page(path);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(whole.body()).contains("<h1>推荐名单：<span>" + city.name() + "</span>", school.unit().name(), other.unit().name(),
                "民族团结教育进课堂，成效突出。", "测民创办发〔2025〕3号", "2025-03-01", BANNER + " 民委（rlbanner 发起）",
                "rlleader</span> 于 <span>" + TestClock.today() + "</span> 审定同意", "审定意见：同意推荐（测党组会议纪要〔2026〕7号）", "未申报",
                "/registry/designations/" + school.designationId() + "/dossier.pdf")
                .doesNotContain("id=\"own-only\"");

        HttpResponse<String> campaignList = loggedIn("rlcity").page("/registry/campaigns?region=" + CITY);
        assertThat(campaignList.body()).contains("href=\"" + path + "\"");

        HttpResponse<String> own = loggedIn("rlbanner").page(path);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains(school.unit().name(), "id=\"own-only\"").doesNotContain(other.unit().name());
        RestClient.Response ownApi = new RestClient(port).get("rlbanner", "secret-rlbanner", "/api/campaigns/" + city.code()
                + "/recommendations");
        assertThat(ownApi.body().findValuesAsText("unitName")).containsExactly(school.unit().name());
        assertThat(ownApi.body().get(0).get("approvalComment").asText()).isEqualTo("同意推荐（测党组会议纪要〔2026〕7号）");

        member("rlstranger", "commission-157203");
        HttpResponse<String> stranger = loggedIn("rlstranger").page(path);
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(stranger.body()).contains("找不到评选批次「" + city.code() + "」的推荐名单").doesNotContain(school.unit().name());
        assertThat(new RestClient(port).get("rlstranger", "secret-rlstranger", "/api/campaigns/" + city.code()
                + "/recommendations").status()).isEqualTo(404);

        HttpResponse<String> anonymous = new WebappSession(port).page(path);
        assertThat(anonymous.body()).contains("<form id=\"login\"").doesNotContain(school.unit().name());
    }
}
