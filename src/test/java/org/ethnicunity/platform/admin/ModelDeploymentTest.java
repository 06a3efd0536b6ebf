package org.ethnicunity.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What docs/administration.md promises: an administrator deploys a changed model over REST (as
 * Camunda Modeler does), new instances take it while running ones keep their version; nobody else
 * may deploy; a malformed model is refused with a clear message and deploys nothing.
 */
class ModelDeploymentTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired RepositoryService repository;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;

    RestClient rest;
    String model;

    @BeforeEach
    void setUp() throws Exception {
        rest = new RestClient(port);
        model = Files.readString(Path.of("bpmn/nomination.bpmn"));
    }

    @Test
    void adminDeploysAChangedModelNewInstancesTakeItRunningOnesKeepTheirs() {
        NominationFixture fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        ProcessInstance running = fixture.apply(fixture.newUnit("150525"), fixture.openBannerCampaign(30));
        int before = repository.getProcessDefinition(running.getProcessDefinitionId()).getVersion();

        String changed = model.replace("name=\"属地初审\"", "name=\"属地初审（修订）\"");
        RestClient.Response deployed = deploy("admin", "nomination.bpmn", changed);
        assertThat(deployed.status()).as(deployed.raw()).isEqualTo(200);
        String deploymentId = deployed.body().get("id").asText();
        try {
            ProcessInstance fresh = fixture.apply(fixture.newUnit("150525"), fixture.openBannerCampaign(30));
            assertThat(repository.getProcessDefinition(fresh.getProcessDefinitionId()).getVersion()).isEqualTo(before + 1);
            assertThat(taskName(fresh)).isEqualTo("属地初审（修订）");
            assertThat(repository.getProcessDefinition(running.getProcessDefinitionId()).getVersion()).isEqualTo(before);
            assertThat(taskName(running)).isEqualTo("属地初审");
        } finally {
            repository.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void onlyAdministratorsMayDeploy() {
        long deployments = repository.createDeploymentQuery().count();
        RestClient.Response refused = deploy("commission1", "nomination.bpmn", model.replace("属地初审", "x"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aModelWithoutHistoryTimeToLiveIsRefused() {
        long deployments = repository.createDeploymentQuery().count();
        RestClient.Response refused = deploy("admin", "nomination.bpmn", model.replace(" camunda:historyTimeToLive=\"3650\"", ""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw()).contains("流程「示范单位评选命名」没有历史保留期（camunda:historyTimeToLive）", "History Time To Live")
                .doesNotContain("ENGINE-12018");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aProcessPeopleWorkInMayNotKeepItsHistoryShorterThanAYear() {
        long deployments = repository.createDeploymentQuery().count();
        RestClient.Response refused = deploy("admin", "nomination.bpmn",
                model.replace("camunda:historyTimeToLive=\"3650\"", "camunda:historyTimeToLive=\"30\""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw()).contains("有人工任务，历史保留期（historyTimeToLive）30 天过短，须不少于 365 天");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aUserTaskWithoutDueDateOrFormIsRefusedWithTheTaskNamed() {
        long deployments = repository.createDeploymentQuery().count();
        String noDueDate = model.replace(" camunda:dueDate=\"${serviceLevels.dueDate('VerifyObjection')}\"", "");
        RestClient.Response refused = deploy("admin", "nomination.bpmn", noDueDate);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw()).contains("用户任务「核实异议」没有办理期限");

        String noForm = model.replace(" camunda:formRef=\"nomination-objection-verification\" camunda:formRefBinding=\"latest\"", "");
        assertThat(deploy("admin", "nomination.bpmn", noForm).raw()).contains("用户任务「核实异议」没有表单");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void malformedXmlIsRefused() {
        RestClient.Response refused = deploy("admin", "nomination.bpmn", model.substring(0, model.length() / 2));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("message").asText()).contains("模型文件无法解析");
    }

    private String taskName(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getName();
    }

    /** POST /engine-rest/deployment/create as multipart/form-data, as Camunda Modeler sends it. */
    private RestClient.Response deploy(String user, String fileName, String content) {
        String boundary = "----" + UUID.randomUUID();
        String body = part(boundary, "deployment-name", null, "test-" + fileName)
                + part(boundary, "deploy-changed-only", null, "true")
                + part(boundary, "data", fileName, content)
                + "--" + boundary + "--\r\n";
        return rest.send(user, "demo", HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static String part(String boundary, String name, String fileName, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream")
                + "\r\n\r\n" + value + "\r\n";
    }
}
