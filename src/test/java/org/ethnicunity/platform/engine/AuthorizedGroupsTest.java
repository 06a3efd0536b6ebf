package org.ethnicunity.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.ethnicunity.platform.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every command's authorization manager reads the groups that have grants by index, and the set is
 * the engine's own: a group granted a moment ago is in it, a group whose last grant went is not, and
 * the user grants (no group) add nothing. Also through the engine's door: a person's authorization
 * check still finds a grant given to their group.
 */
class AuthorizedGroupsTest extends IntegrationTest {

    private static final String GROUP = "agtest-159301";

    private String grant;

    @AfterEach
    void removeGrant() {
        if (grant != null && engine.getAuthorizationService().createAuthorizationQuery().authorizationId(grant).count() > 0) {
            engine.getAuthorizationService().deleteAuthorization(grant);
        }
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void theGroupsWithGrantsAreTheEnginesOwnSetAndFollowEveryChange() {
        assertThat(groupsWithGrants()).as("before").isEqualTo(enginesOwnSet()).doesNotContain(GROUP);
        assertThat(deploymentsSeenByAMemberOfTheGroup()).as("nothing granted yet").isZero();

        AuthorizationService authorizations = engine.getAuthorizationService();
        Authorization readDeployments = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        readDeployments.setGroupId(GROUP);
        readDeployments.setResource(Resources.DEPLOYMENT);
        readDeployments.setResourceId("*");
        readDeployments.addPermission(Permissions.READ);
        grant = authorizations.saveAuthorization(readDeployments).getId();

        assertThat(groupsWithGrants()).as("granted").isEqualTo(enginesOwnSet()).contains(GROUP);
        assertThat(groupsWithGrants()).doesNotContainNull();

        assertThat(deploymentsSeenByAMemberOfTheGroup()).as("a person of the group reads what the group was granted")
                .isPositive();

        authorizations.deleteAuthorization(grant);
        assertThat(groupsWithGrants()).as("revoked").isEqualTo(enginesOwnSet()).doesNotContain(GROUP);
    }

    @Test
    void eachCommandOpensThisManager() {
        Command<Object> manager = context -> context.getAuthorizationManager();
        assertThat(executor().execute(manager)).isInstanceOf(AuthorizedGroups.ByIndex.class);
    }

    private long deploymentsSeenByAMemberOfTheGroup() {
        engine.getIdentityService().setAuthentication("agtest-user", List.of(GROUP, "agtest-no-grants"));
        try {
            return engine.getRepositoryService().createDeploymentQuery().count();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private Set<String> groupsWithGrants() {
        Command<Set<String>> read = context -> new HashSet<>(((AuthorizedGroups.ByIndex) context.getAuthorizationManager()).getAllGroups());
        return executor().execute(read);
    }

    /** The engine's own statement, as AuthorizationManager runs it without this project. */
    private Set<String> enginesOwnSet() {
        Command<Set<String>> select = context -> {
            List<?> groups = context.getDbEntityManager().selectList("selectAuthorizedGroupIds");
            return groups.stream().filter(Objects::nonNull).map(String.class::cast).collect(Collectors.toSet());
        };
        return executor().execute(select);
    }

    private CommandExecutor executor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    }
}
