package org.ethnicunity.platform.reinspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.FlowNodeCoverage;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code app.reinspection.on-failure=EXIT} (as seed 000 runs): a failed re-inspection goes to exit at
 * once, without rectification. A setting of its own means an application context of its own, closed
 * after this class so that its database does not outlive it.
 */
// Its own engine name: the engine registers itself by name in a JVM-wide registry, and a second "default"
// closing after this class would unregister the shared context's engine (its REST API then answers 404);
// no web apps: they keep their engine lookup in static fields, which this context would take over.
@TestPropertySource(properties = {"app.reinspection.on-failure=EXIT", "camunda.bpm.process-engine-name=straightToExit",
        "camunda.bpm.webapp.enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReinspectionStraightToExitTest extends IntegrationTest {

    @RegisterExtension
    static final FlowNodeCoverage COVERAGE = FlowNodeCoverage.of("reinspection", 1, ReinspectionProcessTest.class,
            ReinspectionStraightToExitTest.class);

    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired DesignationRepository designations;
    @Autowired ReinspectionSettings settings;
    @Autowired JdbcClient jdbc;

    @Test
    void aFailedReinspectionGoesStraightToExit() {
        assertThat(settings.getOnFailure()).isEqualTo(ReinspectionSettings.OnFailure.EXIT);
        NominationFixture people = new NominationFixture(engine, units, campaigns, indicatorSets);
        ReinspectionFixture fixture = new ReinspectionFixture(engine, people, designations);
        Unit unit = people.newUnit("150525");
        long designation = fixture.namedDesignation(unit, TestClock.today().minusYears(3));

        ProcessInstance instance = fixture.start("commission1", designation, "SCHEDULED", "定期复核");
        fixture.selfInspection(instance, unit);
        fixture.siteReinspection(instance, ReinspectionFixture.GOOD_SITE, "massIncident");

        assertThat(instance).isEnded().hasPassed("HandToExitAfterReinspection").hasNotPassed("OrderRectification")
                .variables().containsEntry("siteGrade", "不合格（一票否决）");
        List<ProcessInstance> exits = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("exit")
                .variableValueEquals("designationId", designation).list();
        assertThat(exits).hasSize(1);
        assertThat(exits.get(0)).isWaitingAt("VerifyGrounds").variables().containsEntry("exitGrounds", "REINSPECTION_FAILED")
                .hasEntrySatisfying("exitGroundsDetail", d -> assertThat((String) d)
                        .startsWith("复核复检不合格（不合格（一票否决））").contains("发生涉及民族因素的群体性事件"));
        assertThat(designations.find(designation).orElseThrow().status()).isEqualTo(DesignationStatus.IN_EXIT);
        assertThat(jdbc.sql("SELECT outcome FROM registry.dynamic_procedure WHERE process_instance_id = ?")
                .param(instance.getId()).query(String.class).single()).isEqualTo("FAILED");
        assertThat(mailsTo(unit.contactEmail())).extracting(Mail::subject).containsExactly(
                "【民族团结进步创建】复核复检通知：" + unit.name(), "【民族团结进步创建】复核复检不合格，转入退出程序：" + unit.name());
    }
}
