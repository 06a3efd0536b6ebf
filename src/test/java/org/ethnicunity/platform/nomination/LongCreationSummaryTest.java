package org.ethnicunity.platform.nomination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.WebappSession;
import org.ethnicunity.platform.contract.Variable;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 创建工作情况 as long as the platform allows (Variable.TEXT_MAX, 20,000 characters) and a typical long
 * one (4,500, over Camunda's 4,000-character column): submitted through REST, the preliminary
 * reviewer's form and history give it back whole, the dossier shows it; one character more is
 * refused in Chinese and starts nothing (engine.LongTextColumns).
 */
public class LongCreationSummaryTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired DesignationRepository designations;
    @Autowired IndicatorSetRepository indicatorSets;

    RestClient rest;
    NominationFixture fixture;

    @BeforeEach
    void setUp() {
        rest = new RestClient(port);
        fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
    }

    /** A text of exactly {@code length} characters, numbered paragraphs so a lost or doubled part shows. */
    public static String longText(int length) {
        StringBuilder text = new StringBuilder();
        for (int n = 1; text.length() < length; n++) {
            text.append("第").append(n).append("段：组织开展铸牢中华民族共同体意识宣传教育活动，各族群众广泛参与。\n");
        }
        text.setLength(length - 4);
        return text.append("全文完。").toString();
    }

    @Test
    void twentyThousandCharactersAreStoredReadAndShown() throws Exception {
        applyAndReadBack(longText(Variable.TEXT_MAX), true);
    }

    @Test
    void fourThousandFiveHundredCharactersAreStoredAndRead() throws Exception {
        applyAndReadBack(longText(4_500), false);
    }

    @Test
    void oneCharacterMoreIsRefusedInChinese() {
        Unit unit = fixture.newUnit("150525");
        Campaign campaign = fixture.openBannerCampaign(30);
        long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("nomination").count();
        RestClient.Response refused = rest.post(unit.contactUser(), fixture.passwordOf(unit),
                "/engine-rest/process-definition/key/nomination/submit-form",
                RestClient.variables(application(campaign, longText(Variable.TEXT_MAX + 1))));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().get("message").asText()).contains("「创建工作情况」不能超过 20000 字");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("nomination").count())
                .isEqualTo(before);
        assertThat(designations.findByUnit(unit.id())).isEmpty();
    }

    private void applyAndReadBack(String summary, boolean dossier) throws Exception {
        Unit unit = fixture.newUnit("150525");
        Campaign campaign = fixture.openBannerCampaign(30);
        RestClient.Response started = rest.post(unit.contactUser(), fixture.passwordOf(unit),
                "/engine-rest/process-definition/key/nomination/submit-form",
                RestClient.variables(application(campaign, summary)));
        assertThat(started.status()).as(started.raw()).isEqualTo(200);
        String instance = started.body().get("id").asText();

        // The runtime variable, the reviewer's form and the history each give back the whole text.
        assertThat(NominationContract.CREATION_SUMMARY.read(engine.getRuntimeService().getVariable(instance, "creationSummary")))
                .isEqualTo(summary);
        JsonNode tasks = rest.get("prelim1", "demo", "/engine-rest/task?processInstanceId=" + instance
                + "&taskDefinitionKey=PreliminaryReview").body();
        String task = tasks.get(0).get("id").asText();
        RestClient.Response form = rest.get("prelim1", "demo", "/engine-rest/task/" + task + "/form-variables");
        assertThat(form.status()).as(form.raw()).isEqualTo(200);
        assertThat(form.body().get("creationSummary").get("value").asText()).isEqualTo(summary);
        RestClient.Response history = rest.get("admin", "demo", "/engine-rest/history/variable-instance?processInstanceId="
                + instance + "&variableName=creationSummary");
        assertThat(history.status()).as(history.raw()).isEqualTo(200);
        assertThat(history.body().get(0).get("value").asText()).isEqualTo(summary);

        if (dossier) {
            long designation = designations.findByUnit(unit.id()).get(0).id();
            WebappSession browser = new WebappSession(port);
            assertThat(browser.login("commission1", "demo")).isTrue();
            HttpResponse<byte[]> pdf = browser.download("/registry/designations/" + designation + "/dossier.pdf");
            assertThat(pdf.statusCode()).isEqualTo(200);
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                // The text runs over pages: each page's running header is taken out before comparing.
                String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "")
                        .replaceAll("民族团结进步示范单位命名档案第\\d+页，共\\d+页", "");
                assertThat(text).contains(summary.replaceAll("\\s+", ""));
            }
        }
    }

    private static Map<String, Object> application(Campaign campaign, String summary) {
        Map<String, Object> application = new HashMap<>(NominationFixture.GOOD_SCORES);
        application.put("campaignCode", campaign.code());
        application.put("creationSummary", summary);
        return application;
    }
}
