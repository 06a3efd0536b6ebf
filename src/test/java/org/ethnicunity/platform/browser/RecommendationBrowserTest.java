package org.ethnicunity.platform.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.RecommendationFixture;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 推荐上报 walked in Tasklist: a banner's commission has recommended one of its titled units to the
 * city campaign; the banner's leading group claims 审定推荐上报 and approves it with its form; the
 * city commission, logged in to Tasklist, opens the registry's campaign list and from it the
 * recommended list, and finds the unit with its reasons and the approval. Region codes 1573xx of
 * this test's own. Screenshots: target/screenshots/rec-*.png.
 */
class RecommendationBrowserTest extends BrowserTest {

    private static final String CITY = "157300", BANNER = "157301";

    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired DesignationRepository designations;
    @Autowired IndicatorSetRepository indicatorSets;

    @Test
    void theLowerLeadingGroupApprovesInTasklistAndTheUpperCommissionSeesTheRecommendedList() {
        String staff = member("rb157301", "commission-" + BANNER);
        String leader = member("rbleader157301", "leading-" + BANNER);
        String city = member("rbcity157300", "commission-" + CITY);
        grantStart("commission-" + BANNER, "recommendation");
        RecommendationFixture fixture = new RecommendationFixture(engine, units, campaigns, designations, indicatorSets);
        Campaign campaign = fixture.cityCampaign(CITY);
        RecommendationFixture.Titled school = fixture.titledUnit(BANNER, "浏览器测试民族中学");
        ProcessInstance recommendation = fixture.recommend(staff, campaign, List.of(school), "双语教学与民族团结教育成效突出。");

        tasklist.asUser(leader, "secret-" + leader, page -> tasklist.openTask(page, recommendation.getId(), "ApproveRecommendation",
                        "审定推荐上报：" + campaign.name() + "（1 个）")
                .choose("同意推荐上报").fillText("审定意见说明", "经领导小组会议研究，同意推荐。")
                .complete("rec-01-approval.png"));
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(recommendation.getId())
                .singleResult().getEndTime()).as("the recommendation ended after the approval").isNotNull();

        tasklist.asUser(city, "secret-" + city, page -> {
            page.navigate("http://localhost:" + port + "/registry/campaigns?region=" + CITY);
            page.locator("table#campaigns tr", new Page.LocatorOptions().setHasText(campaign.code()))
                    .getByText("推荐名单").click();
            assertThat(page.locator("h1")).containsText("推荐名单：" + campaign.name());
            assertThat(page.locator("table#recommendations tbody tr")).hasCount(1);
            assertThat(page.locator("table#recommendations tbody")).containsText(school.unit().name());
            assertThat(page.locator("table#recommendations tbody")).containsText("双语教学与民族团结教育成效突出。");
            assertThat(page.locator("table#recommendations tbody")).containsText("审定意见：经领导小组会议研究，同意推荐。");
            assertThat(page.locator("table#recommendations tbody")).containsText("未申报");
            assertThat(page.locator("table#recommendations a", new Page.LocatorOptions().setHasText("命名档案（PDF）")))
                    .hasAttribute("href", "/registry/designations/" + school.designationId() + "/dossier.pdf");
            Tasklist.screenshot(page, "rec-02-recommended-list.png");
        });
    }
}
