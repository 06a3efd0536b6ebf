package org.ethnicunity.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.ethnicunity.platform.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Through the Java API, the door the REST filter does not watch: a signed-in person who is not an
 * administrator may read and do the listed work, and is refused any other engine command; an
 * administrator and the platform itself are not affected.
 */
class CommandAllowListTest extends IntegrationTest {

    @AfterEach
    void signOut() {
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void aPersonWhoIsNotAnAdministratorIsRefusedAnUnlistedCommand() {
        IdentityService identity = engine.getIdentityService();
        identity.setAuthentication("allowlistcommission", List.of("commission-150525"));
        assertThat(engine.getTaskService().createTaskQuery().taskId("nothing").list()).isEmpty(); // a query: a read
        String definitionId = anyDefinitionId();
        assertThatCode(() -> engine.getFormService().getStartFormKey(definitionId)).doesNotThrowAnyException(); // Get…Cmd: a read
        assertThatThrownBy(() -> engine.getManagementService().setJobRetries("no-such-job", 3))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("不允许的操作")
                .hasMessageContaining("SetJobRetriesCmd");
        assertThatThrownBy(() -> engine.getTaskService().setOwner("no-such-task", "someone"))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("不允许的操作");
    }

    @Test
    void administratorsAndThePlatformAreNotAffected() {
        IdentityService identity = engine.getIdentityService();
        identity.setAuthentication("allowlistadmin", List.of(Caller.ADMINISTRATORS));
        // The engine itself answers (no such job), not the allow-list.
        assertThatThrownBy(() -> engine.getManagementService().setJobRetries("no-such-job", 3))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("不允许的操作"));
        identity.clearAuthentication();
        assertThatThrownBy(() -> engine.getManagementService().setJobRetries("no-such-job", 3))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("不允许的操作"));
    }

    private String anyDefinitionId() {
        return CommandScope.withoutCaller(engine.getIdentityService(),
                () -> engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("nomination")
                        .latestVersion().singleResult().getId());
    }
}
