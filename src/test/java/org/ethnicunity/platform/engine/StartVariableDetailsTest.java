package org.ethnicunity.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.ethnicunity.platform.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A launch member's start variables are in the history once (ACT_HI_VARINST), not twice; every later
 * change keeps its detail, and any other start keeps all of them.
 */
class StartVariableDetailsTest extends IntegrationTest {

    private String deployment;

    @AfterEach
    void undeploy() {
        engine.getRepositoryService().deleteDeployment(deployment, true);
    }

    @Test
    void startValuesAreInTheHistoryOnceAndLaterChangesKeepTheirDetail() {
        deployment = engine.getRepositoryService().createDeployment().addModelInstance("details.bpmn",
                Bpmn.createExecutableProcess("startVariableDetails").camundaHistoryTimeToLive(1)
                        .startEvent().receiveTask("Wait").endEvent().done())
                .deploy().getId();
        ProcessInstance person = engine.getRuntimeService().startProcessInstanceByKey("startVariableDetails",
                Map.of("unitName", "奈曼旗第二中学"));
        ProcessInstance instance = StartVariableDetails.bulk(() -> engine.getRuntimeService().startProcessInstanceByKey(
                "startVariableDetails", Map.of("unitName", "奈曼旗第一中学", "regionCode", "150525")));
        HistoryService history = engine.getHistoryService();

        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count()).isEqualTo(2);
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceId(person.getId()).count())
                .as("a start outside a launch keeps its details").isEqualTo(1);

        engine.getRuntimeService().setVariable(instance.getId(), "unitName", "奈曼旗第一中学（更名）");
        engine.getRuntimeService().setVariable(instance.getId(), "reviewComment", "补充材料");
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates().list())
                .extracting(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getValue())
                .containsExactlyInAnyOrder("奈曼旗第一中学（更名）", "补充材料");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("unitName").singleResult().getValue()).isEqualTo("奈曼旗第一中学（更名）");
    }
}
