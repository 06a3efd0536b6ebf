package org.ethnicunity.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 「全部待办」 lists what a person's groups are offered (claimed by anybody or not) and what is assigned
 * to the person, over the same REST calls Tasklist makes; its criteria (OwnWork) must not hide
 * anything the person could work on, nor show anything of another region. Region codes 1591xx.
 */
class SharedFiltersTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired RoleAuthorizations roleAuthorizations;

    private String ownTask;
    private String claimedByColleague;
    private String otherRegion;
    private String assignedToContact;
    private String assignedToLoner;

    @BeforeEach
    void tasks() {
        member("sfreviewer", "commission-159101");
        member("sfcolleague", "commission-159101");
        member("sfother", "commission-159102");
        member("sfcontact", "unit-contacts");
        if (engine.getIdentityService().createUserQuery().userId("sfloner").count() == 0) {
            var loner = engine.getIdentityService().newUser("sfloner");
            loner.setPassword("secret-sfloner");
            loner.setEmail("sfloner@test.example");
            engine.getIdentityService().saveUser(loner);
        }
        engine.getTaskService().createTaskQuery().taskNameLike("sf-%").list()
                .forEach(t -> engine.getTaskService().deleteTask(t.getId(), true));
        ownTask = task("sf-own", "commission-159101", null);
        claimedByColleague = task("sf-claimed", "commission-159101", "sfcolleague");
        otherRegion = task("sf-other-region", "commission-159102", null);
        assignedToContact = task("sf-contact", null, "sfcontact");
        assignedToLoner = task("sf-loner", null, "sfloner");
    }

    @Test
    void aReviewerSeesTheGroupsTasksClaimedOrNotAndNothingOfAnotherRegion() {
        assertThat(listed("sfreviewer")).containsExactlyInAnyOrder(ownTask, claimedByColleague);
        assertThat(count("sfreviewer")).isEqualTo(2);
        assertThat(listed("sfother")).containsExactly(otherRegion);
    }

    @Test
    void aUnitContactSeesWhatIsAssignedToIt() {
        assertThat(listed("sfcontact")).containsExactly(assignedToContact);
    }

    @Test
    void aPersonWithoutAnyGroupSeesItsAssignedTasksWithoutAnError() {
        assertThat(listed("sfloner")).containsExactly(assignedToLoner);
        assertThat(count("sfloner")).isEqualTo(1);
    }

    @Test
    void aFilterSavedWithoutCriteriaGetsThemAtTheNextStartButAnAdministratorsChangeStays() throws Exception {
        Filter all = allTasks();
        all.setQuery(new TaskQueryImpl());
        engine.getFilterService().saveFilter(all);
        assertThat(listed("sfreviewer")).containsExactlyInAnyOrder(ownTask, claimedByColleague);

        roleAuthorizations.run(null);
        assertThat(((TaskQueryImpl) allTasks().getQuery()).getQueries()).hasSize(2);

        Filter changed = allTasks();
        changed.setQuery(new TaskQueryImpl().taskCandidateGroupInExpression("${currentUserGroups()}"));
        engine.getFilterService().saveFilter(changed);
        roleAuthorizations.run(null);
        assertThat(((TaskQueryImpl) allTasks().getQuery()).getQueries()).hasSize(1);

        changed.setQuery(OwnWork.of(new TaskQueryImpl()));
        engine.getFilterService().saveFilter(changed);
    }

    private String task(String name, String candidateGroup, String assignee) {
        Task task = engine.getTaskService().newTask();
        task.setName(name);
        engine.getTaskService().saveTask(task);
        if (candidateGroup != null) {
            engine.getTaskService().addCandidateGroup(task.getId(), candidateGroup);
        }
        if (assignee != null) {
            engine.getTaskService().setAssignee(task.getId(), assignee);
        }
        return task.getId();
    }

    private Filter allTasks() {
        return engine.getFilterService().createFilterQuery().filterName("全部待办").singleResult();
    }

    private List<String> listed(String user) {
        RestClient.Response response = new RestClient(port).post(user, "secret-" + user,
                "/engine-rest/filter/" + allTasks().getId() + "/list?firstResult=0&maxResults=50", Map.of());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body().findValuesAsText("id").stream()
                .filter(id -> engine.getTaskService().createTaskQuery().taskId(id).singleResult().getName().startsWith("sf-"))
                .toList();
    }

    private long count(String user) {
        RestClient.Response response = new RestClient(port).get(user, "secret-" + user,
                "/engine-rest/filter/" + allTasks().getId() + "/count");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body().get("count").asLong();
    }
}
