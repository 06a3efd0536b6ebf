package org.ethnicunity.platform.reports.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.WebappSession;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.reports.Downloads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dossier PDF of a unit named through the nomination process, with an annual review and a
 * re-inspection on record: parsed back with PDFBox, it names the unit, its steps with what people
 * entered, the registry's records, in Chinese drawn with the embedded font; and it reaches exactly
 * the people who may see the designation.
 */
class DossierTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired DesignationRepository designations;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired JdbcClient jdbc;

    private NominationFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
    }

    /** A unit of 奈曼旗 named through every step of the nomination, plus a graded annual review and a finished re-inspection. */
    private Designation named() {
        Unit unit = fixture.newUnit("150525");
        Campaign campaign = fixture.openBannerCampaign(null);
        ProcessInstance instance = fixture.apply(unit, campaign);
        fixture.throughAssessment(instance, 19, 23, 18, 14, 13, 24);
        fixture.review(instance, "LeadingGroupApproval", "leader1", "approvalDecision", "APPROVE", "approvalComment", "同意命名");
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(instance.getId()).singleResult().getId());
        fixture.nameBatch(campaign, "奈民委发〔2026〕档案1号");
        Designation designation = designations.findByUnit(unit.id()).get(0);
        jdbc.sql("""
                INSERT INTO registry.annual_review (designation_id, review_year, process_instance_id, status, opened_at,
                    grade, score, graded_by, review_comment, submitted_at, graded_at)
                VALUES (?, 2026, 'dossier-test-review', 'GRADED', now(), 'EXCELLENT', 112, 'commission1', '年度工作扎实', now(), now())""")
                .param(designation.id()).update();
        jdbc.sql("""
                INSERT INTO registry.dynamic_procedure (designation_id, kind, process_instance_id, started_at, ended_at, outcome)
                VALUES (?, 'REINSPECTION', ?, now(), now(), 'RETAINED')""")
                .params(designation.id(), "dossier-test-reinspection-" + designation.id()).update();
        return designation;
    }

    @Test
    void theDossierTellsTheWholeLifecycleInChineseWithTheEmbeddedFont() throws IOException {
        Designation designation = named();
        Unit unit = units.find(designation.unitId()).orElseThrow();
        WebappSession browser = new WebappSession(port);
        assertThat(browser.login("commission1", "demo")).isTrue();

        HttpResponse<byte[]> pdf = browser.download("/registry/designations/" + designation.id() + "/dossier.pdf");
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/reports"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/reports/dossier.pdf"), pdf.body());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains("inline", ".pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains(unit.name(), "命名档案", "旗县级", "已命名", "奈民委发〔2026〕档案1号",
                    // the state changes, with who made them
                    "状态变更记录", "申报→评审中", "公示→已命名",
                    // the assessors' scores from the registry, by category name
                    "实地测评与复核打分", "组织领导与工作机制19",
                    // the steps of the process, with what people entered under the forms' labels
                    "示范单位评选命名", "属地初审", "初审意见通过初审", "审核意见材料齐全", "审核意见符合条件",
                    // (the naming itself is the campaign's batch decision: the state change above carries its 文号)
                    "审批结论",
                    "创建工作情况开展铸牢中华民族共同体意识教育",
                    // annual review and re-inspection from the registry
                    "年度评估", "2026已评定优秀112", "年度工作扎实", "复核复检", "保留称号");
            List<PDFont> fonts = fonts(document);
            assertThat(fonts).as("fonts of the dossier").isNotEmpty();
            for (PDFont font : fonts) {
                assertThat(font.getName()).as("font name").contains("NotoSansSC");
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                assertThat(font.getFontDescriptor().getFontFile2()).as(font.getName() + " TrueType program").isNotNull();
            }
        } finally {
            TestClock.pin();
        }
    }

    @Test
    void theDossierReachesOnlyThoseWhoMaySeeTheDesignation() {
        Designation designation = named();
        Unit unit = units.find(designation.unitId()).orElseThrow();
        String path = "/registry/designations/" + designation.id() + "/dossier.pdf";

        HttpResponse<byte[]> anonymous = new WebappSession(port).download(path);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(new String(anonymous.body(), StandardCharsets.UTF_8)).contains("请先登录", "命名档案");

        WebappSession contact = new WebappSession(port);
        assertThat(contact.login(unit.contactUser(), fixture.passwordOf(unit))).isTrue();
        assertThat(contact.download(path).statusCode()).isEqualTo(200);

        WebappSession otherBanner = new WebappSession(port);
        assertThat(otherBanner.login("commission2", "demo")).isTrue();
        HttpResponse<byte[]> refused = otherBanner.download(path);
        // Answered like a missing title: its existence is not confirmed (NoOracleTest).
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("找不到编号为 " + designation.id() + " 的命名记录");

        WebappSession city = new WebappSession(port);
        assertThat(city.login("commission3", "demo")).as("通辽市 covers 奈曼旗").isTrue();
        assertThat(city.download(path).headers().firstValue("Content-Type")).hasValue("application/pdf");

        assertThat(Downloads.get(port, "commission1", "demo", "/api/designations/" + designation.id() + "/dossier.pdf")
                .statusCode()).isEqualTo(200);
        assertThat(Downloads.get(port, "prelim2", "demo", "/api/designations/" + designation.id() + "/dossier.pdf")
                .statusCode()).isEqualTo(404);
        assertThat(Downloads.get(port, null, null, "/api/designations/" + designation.id() + "/dossier.pdf")
                .statusCode()).isEqualTo(401);
        assertThat(Downloads.get(port, "commission1", "demo", "/api/designations/999999999/dossier.pdf")
                .statusCode()).isEqualTo(404);
    }

    private static List<PDFont> fonts(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }
}
