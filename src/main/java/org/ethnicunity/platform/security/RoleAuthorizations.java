package org.ethnicunity.platform.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.ethnicunity.platform.engine.TaskFilters;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The authorizations every deployment needs, created at start when missing (idempotent):
 * everybody may use Tasklist, read the process models and the shared task filters; unit contacts
 * may start an application, commission staff a re-inspection or a launch, commission and supervision staff an
 * exit ({@link #STARTS_BY_ROLE}). What a user sees of the tasks follows from the candidate groups the
 * models set per region and role: Camunda grants task access to those groups only.
 */
@Component
@Order(0)
class RoleAuthorizations implements ApplicationRunner {

    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final FilterService filters;

    RoleAuthorizations(AuthorizationService authorizations, IdentityService identity, FilterService filters) {
        this.authorizations = authorizations;
        this.identity = identity;
        this.filters = filters;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identity.createGroupQuery().groupId(Roles.UNIT_CONTACTS).count() == 0) {
            Group group = identity.newGroup(Roles.UNIT_CONTACTS);
            group.setName("申报单位联系人");
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
        grantAll(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grantAll(Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        grantAll(Resources.DECISION_DEFINITION, "*", Permissions.READ);
        grantGroup(Roles.UNIT_CONTACTS, Resources.PROCESS_DEFINITION, "nomination", Permissions.CREATE_INSTANCE);
        grantGroup(Roles.UNIT_CONTACTS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        sharedFilter("全部待办", "本人所在组（按地区和角色）的全部任务及指派给本人的任务", -10,
                OwnWork.of(TaskFilters.newQuery()));
        sharedFilter("我的任务", "已由我认领的任务", -5, TaskFilters.newQuery().taskAssigneeExpression("${currentUser()}"));
    }

    /** Processes the regional roles may start; each model's first step checks the region itself. */
    static final Map<String, List<String>> STARTS_BY_ROLE = Map.of(
            Roles.COMMISSION, List.of("reinspection", "exit", "launch", "naming", "recommendation"),
            Roles.SUPERVISION, List.of("exit"));

    /**
     * Camunda has no wildcard groups, so every existing group of a role in {@link #STARTS_BY_ROLE}
     * gets its grants once the application is ready (after the start-up runners, the demo data's
     * groups included); a group created later in Admin needs a restart or the same grant by hand.
     */
    @EventListener(ApplicationReadyEvent.class)
    void grantStartsByRole() {
        for (Group group : identity.createGroupQuery().list()) {
            STARTS_BY_ROLE.forEach((role, processes) -> {
                if (group.getId().startsWith(role + "-")) {
                    processes.forEach(key -> grantGroup(group.getId(), Resources.PROCESS_DEFINITION, key,
                            Permissions.CREATE_INSTANCE));
                    grantGroup(group.getId(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
                }
            });
        }
    }

    private void grantAll(Resource resource, String resourceId, Permission permission) {
        if (authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(resourceId).hasPermission(permission).count() == 0) {
            Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            auth.setUserId(Authorization.ANY);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
            auth.addPermission(permission);
            authorizations.saveAuthorization(auth);
        }
    }

    private void grantGroup(String group, Resource resource, String resourceId, Permission permission) {
        if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).hasPermission(permission).count() == 0) {
            Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            auth.setGroupId(group);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
            auth.addPermission(permission);
            authorizations.saveAuthorization(auth);
        }
    }

    private void sharedFilter(String name, String description, int priority, TaskQuery query) {
        Filter existing = filters.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            // A 全部待办 saved before its criteria existed (no "or" part) checks every open task against
            // the authorizations; it gets the criteria once. A filter an administrator changed stays as is.
            if (TaskFilters.lacksCriteriaOf(existing.getQuery(), query)) {
                existing.setQuery(query);
                existing.setProperties(Map.of("description", description, "priority", priority, "refresh", true));
                filters.saveFilter(existing);
            }
            return;
        }
        Filter filter = filters.newTaskFilter(name);
        filter.setProperties(Map.of("description", description, "priority", priority, "refresh", true));
        filter.setQuery(query);
        filters.saveFilter(filter);
        grantAll(Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
