package org.ethnicunity.platform.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.FlowNodeCoverage;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 推荐上报 (bpmn/recommendation.bpmn) path by path: banner titles named by a batch are recommended to
 * the city campaign with the banner leading group's approval, the city commission sees the list, a
 * recommended unit's application starts with its banner title, and an unrecommended one is refused
 * where the campaign takes recommended units only. National titles are recorded by import.
 */
class RecommendationTest extends IntegrationTest {

    @RegisterExtension
    static final FlowNodeCoverage COVERAGE = FlowNodeCoverage.of("recommendation", 2);

    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired DesignationRepository designations;
    @Autowired IndicatorSetRepository indicatorSets;
    @LocalServerPort int port;

    NominationFixture fixture;
    RestClient rest;

    @BeforeEach
    void setUp() {
        fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        rest = new RestClient(port);
    }

    @Test
    void bannerTitlesAreRecommendedToTheCityCampaignWhoseApplicationsStartWithThemAndUnrecommendedOnesAreRefused() {
        Campaign banner = fixture.openBannerCampaign(30);
        Unit school = fixture.newUnit("150525");
        Unit community = fixture.newUnit("150525");
        Unit other = fixture.newUnit("150525");
        for (Unit unit : List.of(school, community, other)) {
            ProcessInstance application = fixture.apply(unit, banner);
            fixture.throughAssessment(application, 19, 23, 18, 14, 13, 24);
            fixture.review(application, "LeadingGroupApproval", "leader1", "approvalDecision", "APPROVE", "approvalComment", "");
            engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                    .processInstanceId(application.getId()).singleResult().getId());
        }
        fixture.nameBatch(banner, "奈民创办发〔2026〕20号");
        Campaign city = cityCampaign(true);

        ProcessInstance recommendation = startRecommendation("commission1", city, title(school).id() + "，" + title(community).id());
        assertThat(recommendation).isWaitingAt("ApproveRecommendation");
        var task = engine.getTaskService().createTaskQuery().processInstanceId(recommendation.getId()).singleResult();
        assertThat(task.getName()).isEqualTo("审定推荐上报：" + city.name() + "（2 个）");
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId())
                .containsExactly("leading-150525");
        assertThat((String) engine.getRuntimeService().getVariable(recommendation.getId(), "recommendedList"))
                .contains(school.name(), community.name(), "奈民创办发〔2026〕20号").doesNotContain(other.name());

        approve(recommendation, "APPROVE", "同意推荐");
        assertThat(recommendation).isEnded().hasPassed("RecordRecommendation", "Recommended");
        assertThat(title(school).recommended()).isTrue();
        assertThat(title(other).recommended()).isFalse();
        assertThat(mailsTo(school.contactEmail())).extracting(Mail::subject).contains("【民族团结进步创建】推荐通知：" + school.name());
        assertThat(mailsTo(school.contactEmail()).get(mailsTo(school.contactEmail()).size() - 1).text())
                .contains(city.name(), city.code());

        // The city commission sees the list; another banner's commission does not.
        String list = "/api/campaigns/" + city.code() + "/recommendations";
        JsonNode recommended = rest.get("commission3", "demo", list).body();
        assertThat(recommended.findValuesAsText("unitName")).containsExactly(school.name(), community.name());
        assertThat(recommended.get(0).get("applicationStatus").asText()).isEqualTo("未申报");
        assertThat(recommended.get(0).get("documentNumber").asText()).isEqualTo("奈民创办发〔2026〕20号");
        assertThat(recommended.get(0).get("dossierLink").asText()).isEqualTo("/registry/designations/" + title(school).id() + "/dossier.pdf");
        assertThat(rest.get("commission2", "demo", list).status()).isEqualTo(404);

        // The recommended school applies: its application carries the banner title, scores and dossier.
        ProcessInstance upward = fixture.apply(school, city);
        assertThat(upward).isWaitingAt("PreliminaryReview");
        Map<String, Object> v = engine.getRuntimeService().getVariables(upward.getId());
        assertThat((String) v.get("lowerTitle")).contains("旗县级示范单位", "奈民创办发〔2026〕20号");
        assertThat((String) v.get("lowerAssessment")).isEqualTo("实地测评 111.0 分，优秀");
        assertThat((String) v.get("lowerDossierLink")).endsWith("/registry/designations/" + title(school).id() + "/dossier.pdf");
        assertThat((String) v.get("recommendedBy")).startsWith("150525 民委推荐，leader1 审定");
        assertThat(rest.get("commission3", "demo", list).body().get(0).get("applicationStatus").asText()).isEqualTo("申报");

        // The third unit holds the banner title too, but was not recommended: this campaign refuses it.
        long before = designations.findByUnit(other.id()).size();
        assertThatThrownBy(() -> fixture.apply(other, city)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("只接受下级民委推荐的单位").hasMessageContaining(other.name());
        assertThat(designations.findByUnit(other.id())).hasSize((int) before);
        // A campaign without the setting takes it, recommended or not.
        assertThat(fixture.apply(other, cityCampaign(false))).isWaitingAt("PreliminaryReview");
    }

    @Test
    void theLeadingGroupMayDeclineAndWrongRecommendationsAreRefused() {
        Unit unit = fixture.newUnit("150525");
        long title = namedBanner(unit);
        Campaign city = cityCampaign(true);
        assertThatThrownBy(() -> startRecommendation("commission2", city, String.valueOf(title)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("只能由本级（行政区划 150525）或上级民委");
        assertThatThrownBy(() -> startRecommendation("commission1", fixture.openBannerCampaign(null), String.valueOf(title)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("没有可推荐的下一级称号");
        assertThatThrownBy(() -> startRecommendation("commission1", city, "12x")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("应为数字");

        ProcessInstance declined = startRecommendation("commission1", city, String.valueOf(title));
        assertThatThrownBy(() -> approve(declined, "DECLINE", "")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("审定意见说明");
        approve(declined, "DECLINE", "该单位创建成效尚不突出");
        assertThat(declined).isEnded().hasPassed("NotRecommended").hasNotPassed("RecordRecommendation");
        assertThat(designations.find(title).orElseThrow().recommended()).isFalse();
        assertThat(rest.get("commission3", "demo", "/api/campaigns/" + city.code() + "/recommendations").body()).isEmpty();

        approve(startRecommendation("commission1", city, String.valueOf(title)), "APPROVE", "");
        assertThatThrownBy(() -> startRecommendation("commission1", city, String.valueOf(title)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能重复推荐");
    }

    @Test
    void nationalTitlesAreRecordedByImportingTheNamedListByAdministratorsOrTheRegionsCommission() {
        Unit holder = fixture.newUnit("150525");
        long region = designations.insert(holder.id(), Level.REGION, null, DesignationStatus.NAMED, null, "第九批");
        designations.recordNaming(region, LocalDate.of(2024, 5, 1), "内民委发〔2024〕9号", LocalDate.of(2029, 5, 1), true);
        Unit without = fixture.newUnit("150525");
        String path = "/api/designations/national";
        Map<String, Object> row = Map.of("unitId", holder.id(), "documentNumber", "民委发〔2026〕30号",
                "namedDate", "2026-05-20", "batch", "第十一批全国民族团结进步示范区示范单位");

        assertThat(rest.post("commission1", "demo", path, List.of(row)).status()).isEqualTo(403);
        RestClient.Response refused = rest.post("admin", "demo", path, List.of(row,
                Map.of("unitId", without.id(), "documentNumber", "民委发〔2026〕30号", "namedDate", "2026-05-20")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw()).contains("第 2 行", "未持有自治区级称号");
        assertThat(designations.findByUnit(holder.id())).hasSize(1);

        RestClient.Response recorded = rest.post(member("mxcommission150000", "commission-150000"), "secret-mxcommission150000",
                path, List.of(row));
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
        Designation national = designations.findByUnit(holder.id()).stream().filter(d -> d.level() == Level.NATIONAL)
                .findFirst().orElseThrow();
        assertThat(national.status()).isEqualTo(DesignationStatus.NAMED);
        assertThat(national.documentNumber()).isEqualTo("民委发〔2026〕30号");
        assertThat(national.expiryDate()).isEqualTo(LocalDate.of(2031, 5, 20));
        assertThat(national.batch()).isEqualTo("第十一批全国民族团结进步示范区示范单位");
        assertThat(designations.events(national.id())).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("mxcommission150000");
            assertThat(e.documentNumber()).isEqualTo("民委发〔2026〕30号");
        });
        assertThat(rest.post("admin", "demo", path, List.of(row)).raw()).contains("已持有全国称号");
    }

    private Campaign cityCampaign(boolean recommendationRequired) {
        long set = indicatorSets.ids().get(0);
        return campaigns.insert(new Campaign(null, "T-CITY-" + System.nanoTime(), "通辽市测试批次" + System.nanoTime() % 1000,
                Level.CITY, 2026, "150500", NominationFixture.today().minusDays(10), NominationFixture.today().plusDays(30),
                10, set, recommendationRequired));
    }

    private long namedBanner(Unit unit) {
        long id = designations.insert(unit.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "测试");
        designations.recordNaming(id, LocalDate.of(2025, 3, 1), "奈民创办发〔2025〕3号", LocalDate.of(2030, 3, 1), false);
        return id;
    }

    private Designation title(Unit unit) {
        return designations.findByUnit(unit.id()).stream().filter(d -> d.level() == Level.BANNER).findFirst().orElseThrow();
    }

    private ProcessInstance startRecommendation(String user, Campaign target, String ids) {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("recommendation")
                .latestVersion().singleResult().getId();
        return fixture.as(user, () -> engine.getFormService().submitStartForm(definition, Map.of("targetCampaignCode",
                target.code(), "designationIds", ids, "recommendationReasons", "创建工作扎实，成效突出，群众认可度高。")));
    }

    private void approve(ProcessInstance recommendation, String decision, String comment) {
        fixture.complete(recommendation, "ApproveRecommendation", "leader1",
                Map.of("recommendationDecision", decision, "recommendationComment", comment));
    }
}
