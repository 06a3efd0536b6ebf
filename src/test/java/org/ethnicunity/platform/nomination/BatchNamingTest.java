package org.ethnicunity.platform.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.ethnicunity.platform.FlowNodeCoverage;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.WebappSession;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 批量命名发文 (bpmn/naming.bpmn) path by path: a campaign's applications past their notice named
 * together under one document, those with an objection pending left out with why and named later,
 * the whole batch refused when one left the list meanwhile, and the list as PDF and Excel.
 */
class BatchNamingTest extends IntegrationTest {

    @RegisterExtension
    static final FlowNodeCoverage COVERAGE = FlowNodeCoverage.of("naming", 4);

    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired DesignationRepository designations;
    @Autowired IndicatorSetRepository indicatorSets;
    @LocalServerPort int port;

    NominationFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
    }

    @Test
    void aFullQuotaIsNamedTogetherWhileTheApplicationWithAnObjectionPendingWaitsAndIsNamedLater() throws Exception {
        Campaign campaign = fixture.openBannerCampaign(3);
        List<Unit> applicants = List.of(fixture.newUnit("150525"), fixture.newUnit("150525"), fixture.newUnit("150525"));
        List<ProcessInstance> applications = applicants.stream().map(u -> approved(u, campaign)).toList();
        // Every place of the quota is taken: a fourth approval is refused (NominationProcessTest).
        ProcessInstance objected = applications.get(2);
        ObjectionMessage.correlate(engine.getRuntimeService(), objected.getId(), "张三", "13800000000", "该单位台账不全", "commission1");
        applications.forEach(this::endNotice);
        assertThat(applications.get(0)).isWaitingAt("AwaitNaming");
        assertThat(objected).isWaitingAt("VerifyObjection").isNotWaitingAt("AwaitNaming");

        ProcessInstance naming = fixture.startNaming(campaign, "commission1");
        assertThat(naming).isWaitingAt("ConfirmNaming");
        Map<String, Object> list = engine.getRuntimeService().getVariables(naming.getId());
        assertThat(list).containsEntry("namingCount", 2)
                .containsEntry("quotaText", "名额 3 个，已批准 3 个（已命名 0 个，本次拟命名 2 个，暂不命名 1 个）");
        assertThat((String) list.get("namingListText")).contains(applicants.get(0).name(), applicants.get(1).name())
                .doesNotContain(applicants.get(2).name());
        assertThat((String) list.get("namingWaitingText")).contains(applicants.get(2).name(), "异议核实中（1 件未答复）");
        assertThat(fixture.namingTask(naming).getName()).isEqualTo("命名发文：" + campaign.name() + "（拟命名 2 个）");
        assertThat(engine.getTaskService().getIdentityLinksForTask(fixture.namingTask(naming).getId()))
                .extracting(l -> l.getGroupId()).containsExactly("commission-150525");

        fixture.decideNaming(naming, "commission1", Map.of("namingDecision", "NAME",
                "documentNumber", " 奈民创办发〔2026〕9号 ", "namingDate", NominationFixture.today().minusDays(1).toString()));

        assertThat(naming).isEnded().hasPassed("NameBatch", "BatchNamed");
        for (int i = 0; i < 2; i++) {
            assertThat(applications.get(i)).isEnded().hasPassed("NameUnit");
            Designation named = designationOf(applicants.get(i));
            assertThat(named.status()).isEqualTo(DesignationStatus.NAMED);
            assertThat(named.documentNumber()).isEqualTo("奈民创办发〔2026〕9号");
            assertThat(named.namedDate()).isEqualTo(NominationFixture.today().minusDays(1));
            assertThat(named.expiryDate()).isEqualTo(named.namedDate().plusYears(5));
            assertThat(designations.events(named.id())).last().satisfies(e -> {
                assertThat(e.actor()).isEqualTo("commission1");
                assertThat(e.processInstanceId()).isEqualTo(applications.get(0).getId().equals(e.processInstanceId())
                        ? applications.get(0).getId() : applications.get(1).getId());
            });
            assertThat(mailsTo(applicants.get(i).contactEmail())).extracting(Mail::subject)
                    .containsExactly("【民族团结进步创建】命名通知：" + applicants.get(i).name());
        }
        assertThat(designationOf(applicants.get(2)).status()).isEqualTo(DesignationStatus.IN_NOTICE);
        assertThat(mailsTo(applicants.get(2).contactEmail())).isEmpty();

        // The named list, as the commission prints it with the document.
        WebappSession commission = loggedIn("commission1");
        HttpResponse<byte[]> pdf = commission.exchange(HttpRequest.newBuilder(URI.create(commission.base()
                + "/nominations/naming/" + naming.getId() + "/list.pdf")));
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text;
        try (var document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains(campaign.name() + " 命名名单", "奈民创办发〔2026〕9号", applicants.get(0).name(),
                applicants.get(1).name(), "暂不命名", applicants.get(2).name()).doesNotContain("草稿");
        HttpResponse<byte[]> xlsx = commission.exchange(HttpRequest.newBuilder(URI.create(commission.base()
                + "/nominations/naming/" + naming.getId() + "/list.xlsx")));
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(1).getCellText(1)).isEqualTo("奈民创办发〔2026〕9号");
            // The reader leaves out empty rows: the entries are rows 6 and on (1-based).
            assertThat(rows.stream().filter(r -> r.getRowNum() >= 6).toList()).extracting(r -> r.getCellText(1))
                    .containsExactlyInAnyOrder(applicants.get(0).name(), applicants.get(1).name());
        }
        // Another banner's commission does not even learn that the list exists.
        assertThat(loggedIn("commission2").exchange(HttpRequest.newBuilder(URI.create(commission.base()
                + "/nominations/naming/" + naming.getId() + "/list.pdf"))).statusCode()).isEqualTo(404);

        // The objection is answered: the application waits for, and is named by, the next decision.
        fixture.review(objected, "VerifyObjection", "commission1", "objectionUpheld", "REJECTED", "objectionReply", "台账齐全，异议不成立");
        assertThat(objected).isWaitingAt("AwaitNaming");
        ProcessInstance second = fixture.nameBatch(campaign, "奈民创办发〔2026〕11号");
        assertThat(second).isEnded();
        assertThat(objected).isEnded().hasPassed("NameUnit");
        assertThat(designationOf(applicants.get(2)).documentNumber()).isEqualTo("奈民创办发〔2026〕11号");
    }

    @Test
    void whenAnApplicationLeavesTheListMeanwhileNothingIsNamedUntilTheListIsRefreshed() {
        Campaign campaign = fixture.openBannerCampaign(null);
        Unit first = fixture.newUnit("150525");
        Unit vetoed = fixture.newUnit("150525");
        ProcessInstance a = approved(first, campaign);
        ProcessInstance b = approved(vetoed, campaign);
        endNotice(a);
        endNotice(b);
        ProcessInstance naming = fixture.startNaming(campaign, "commission1");
        assertThat(engine.getRuntimeService().getVariable(naming.getId(), "namingCount")).isEqualTo(2);
        engine.getRuntimeService().createMessageCorrelation("vetoEvent").processInstanceId(b.getId())
                .setVariable("vetoReason", "公示期满后发生涉及民族因素的群体性事件").correlate();

        Map<String, Object> name = Map.of("namingDecision", "NAME", "documentNumber", "奈民创办发〔2026〕12号",
                "namingDate", NominationFixture.today().toString());
        assertThatThrownBy(() -> fixture.decideNaming(naming, "commission1", name)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("「" + vetoed.name() + "」已不在待命名状态").hasMessageContaining("本次未命名任何单位");
        assertThat(a).isWaitingAt("AwaitNaming");
        assertThat(designationOf(first).status()).isEqualTo(DesignationStatus.IN_NOTICE);
        assertThat(naming).isWaitingAt("ConfirmNaming");

        fixture.decideNaming(naming, "commission1", Map.of("namingDecision", "REFRESH"));
        assertThat(naming).hasPassed("ListMerge").isWaitingAt("ConfirmNaming");
        assertThat(engine.getRuntimeService().getVariable(naming.getId(), "namingCount")).isEqualTo(1);
        fixture.decideNaming(naming, "commission1", name);
        assertThat(a).isEnded();
        assertThat(designationOf(first).status()).isEqualTo(DesignationStatus.NAMED);
        assertThat(designationOf(vetoed).status()).isEqualTo(DesignationStatus.DECLINED);
    }

    @Test
    void badDecisionsAreRefusedAndANamingCanBeDropped() {
        Campaign campaign = fixture.openBannerCampaign(30);
        ProcessInstance application = approved(fixture.newUnit("150525"), campaign);
        ProcessInstance naming = fixture.startNaming(campaign, "commission1");
        // Still in notice: listed apart, nothing to name yet.
        assertThat((String) engine.getRuntimeService().getVariable(naming.getId(), "namingWaitingText")).contains("公示中，", "期满");
        assertThatThrownBy(() -> fixture.decideNaming(naming, "commission1", Map.of("namingDecision", "NAME",
                "documentNumber", "奈民创办发〔2026〕1号", "namingDate", NominationFixture.today().toString())))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("名单中没有可命名的申报");
        // One naming decision per campaign at a time.
        assertThatThrownBy(() -> fixture.startNaming(campaign, "commission1")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("已有一个正在办理的命名发文");

        endNotice(application);
        fixture.decideNaming(naming, "commission1", Map.of("namingDecision", "REFRESH"));
        for (var refused : List.of(
                Map.entry(Map.<String, Object>of("namingDecision", "NAME", "namingDate", NominationFixture.today().toString()), "请填写「命名文号」"),
                Map.entry(Map.<String, Object>of("namingDecision", "NAME", "documentNumber", "奈民创办发〔2026〕2号",
                        "namingDate", NominationFixture.today().plusDays(1).toString()), "晚于今天"),
                Map.entry(Map.<String, Object>of("namingDecision", "NAME", "documentNumber", "奈民创办发〔2026〕2号",
                        "namingDate", "2026/6/1"), "应为 年-月-日"),
                Map.entry(Map.<String, Object>of("namingDecision", "PUBLISH"), "不是有效选项"),
                Map.entry(Map.<String, Object>of("namingDecision", "CANCEL"), "撤销理由"))) {
            assertThatThrownBy(() -> fixture.decideNaming(naming, "commission1", refused.getKey()))
                    .as(refused.getValue()).isInstanceOf(RuleViolation.class).hasMessageContaining(refused.getValue());
        }
        assertThat(application).isWaitingAt("AwaitNaming");

        fixture.decideNaming(naming, "commission1", Map.of("namingDecision", "CANCEL", "namingNote", "文号有误，重新发文"));
        assertThat(naming).isEnded().hasPassed("NamingCancelled");
        assertThat(application).isWaitingAt("AwaitNaming");
    }

    @Test
    void onlyTheCampaignsCommissionOrOneAboveStartsItsNamingAndNoNationalOne() {
        Campaign campaign = fixture.openBannerCampaign(30);
        assertThatThrownBy(() -> fixture.startNaming(campaign, "commission2")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("只能由本级（行政区划 150525）或上级民委（创建办）发起");
        ProcessInstance byCity = fixture.startNaming(campaign, member("mxcommission150500", "commission-150500"));
        assertThat(byCity).isWaitingAt("ConfirmNaming");
        Campaign national = campaigns.insert(new Campaign(null, "T-NATIONAL-" + System.nanoTime(), "全国测试批次",
                org.ethnicunity.platform.registry.Level.NATIONAL, 2026, "150000", NominationFixture.today().minusDays(1),
                NominationFixture.today().plusDays(1), null, campaign.indicatorSetId()));
        assertThatThrownBy(() -> fixture.startNaming(national, "admin")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("全国示范单位由国家民委命名");
    }

    private ProcessInstance approved(Unit unit, Campaign campaign) {
        ProcessInstance instance = fixture.apply(unit, campaign);
        fixture.throughAssessment(instance, 18, 22, 18, 14, 13, 22);
        fixture.review(instance, "LeadingGroupApproval", "leader1", "approvalDecision", "APPROVE", "approvalComment", "");
        return instance;
    }

    private void endNotice(ProcessInstance instance) {
        var timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("NoticePeriodOver").singleResult();
        engine.getManagementService().executeJob(timer.getId());
    }

    private Designation designationOf(Unit unit) {
        return designations.findByUnit(unit.id()).get(0);
    }

    private WebappSession loggedIn(String user) {
        WebappSession session = new WebappSession(port);
        assertThat(session.loginStatus(user, "demo")).isEqualTo(200);
        return session;
    }
}
