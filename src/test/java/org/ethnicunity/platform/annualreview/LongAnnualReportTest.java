package org.ethnicunity.platform.annualreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.contract.Variable;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.LongCreationSummaryTest;
import org.ethnicunity.platform.nomination.NominationFixture;
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
 * 年度创建工作报告 of 4,500 and of 20,000 characters (Variable.TEXT_MAX) submitted over REST: the
 * grading task's form, the history and the registry's annual review hold it whole; 20,001 characters
 * are refused in Chinese and the report stays open (engine.LongTextColumns).
 */
class LongAnnualReportTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired DesignationRepository designations;
    @Autowired AnnualReviews reviews;
    @Autowired AnnualReviewLaunch launch;
    @Autowired JdbcClient jdbc;

    NominationFixture people;
    AnnualReviewFixture fixture;
    RestClient rest;

    @BeforeEach
    void setUp() {
        people = new NominationFixture(engine, units, campaigns, indicatorSets);
        fixture = new AnnualReviewFixture(engine, people, designations, jdbc, launch);
        rest = new RestClient(port);
    }

    @Test
    void reportsOfFourThousandFiveHundredAndTwentyThousandCharactersAreKeptWhole() {
        for (int length : List.of(4_500, Variable.TEXT_MAX)) {
            String text = LongCreationSummaryTest.longText(length);
            Unit unit = people.newUnit("150525");
            ProcessInstance instance = fixture.start(fixture.namedDesignation(unit), unit);
            Task report = task(instance, "SubmitAnnualReport");
            RestClient.Response submitted = rest.post(unit.contactUser(), people.passwordOf(unit),
                    "/engine-rest/task/" + report.getId() + "/submit-form", RestClient.variables(AnnualReviewFixture.report(text)));
            assertThat(submitted.status()).as(length + ": " + submitted.raw()).isEqualTo(204);

            assertThat(AnnualReviewContract.ANNUAL_REPORT.read(engine.getRuntimeService().getVariable(instance.getId(),
                    "annualReport"))).isEqualTo(text);
            Task grading = task(instance, "AnnualReviewGrading");
            RestClient.Response form = rest.get("commission1", "demo", "/engine-rest/task/" + grading.getId() + "/form-variables");
            assertThat(form.status()).as(form.raw()).isEqualTo(200);
            assertThat(form.body().get("annualReport").get("value").asText()).isEqualTo(text);
            RestClient.Response history = rest.get("admin", "demo", "/engine-rest/history/variable-instance?processInstanceId="
                    + instance.getId() + "&variableName=annualReport");
            assertThat(history.body().get(0).get("value").asText()).isEqualTo(text);
            assertThat(jdbc.sql("SELECT report FROM registry.annual_review WHERE process_instance_id = ?")
                    .param(instance.getId()).query(String.class).single()).isEqualTo(text);
        }
    }

    @Test
    void oneCharacterOverTheLimitIsRefusedInChinese() {
        Unit unit = people.newUnit("150525");
        ProcessInstance instance = fixture.start(fixture.namedDesignation(unit), unit);
        Task report = task(instance, "SubmitAnnualReport");
        RestClient.Response refused = rest.post(unit.contactUser(), people.passwordOf(unit),
                "/engine-rest/task/" + report.getId() + "/submit-form",
                RestClient.variables(AnnualReviewFixture.report(LongCreationSummaryTest.longText(Variable.TEXT_MAX + 1))));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().get("message").asText()).contains("「年度创建工作报告」不能超过 20000 字");
        assertThat(task(instance, "SubmitAnnualReport").getId()).isEqualTo(report.getId());
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "annualReport")).isNull();
    }

    private Task task(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }
}
