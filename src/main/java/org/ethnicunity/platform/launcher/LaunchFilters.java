package org.ethnicunity.platform.launcher;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.contract.Subject;
import org.ethnicunity.platform.security.OwnWork;
import org.ethnicunity.platform.security.Roles;
import org.springframework.stereotype.Component;

/**
 * One shared Tasklist filter per launch, so a reviewer with 2,000 annual reports works through
 * that launch's tasks alone, most overdue first (ascending due date), with the unit's name shown.
 * What each person sees in it is still only the tasks Camunda lets them read (their region and
 * role); the filter is offered to the commission groups of the launch's region and below.
 */
@Component
class LaunchFilters {

    private final FilterService filters;
    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final org.camunda.bpm.engine.TaskService tasks;

    LaunchFilters(FilterService filters, AuthorizationService authorizations, IdentityService identity,
                  org.camunda.bpm.engine.TaskService tasks) {
        this.filters = filters;
        this.authorizations = authorizations;
        this.identity = identity;
        this.tasks = tasks;
    }

    String create(long launchId, String title, String regionCode) {
        // By the members' business key (launch-<id>:<member>): a numeric variable in a stored filter comes
        // back from JSON as an Integer and no longer matches the instances' Long launchId.
        TaskQuery query = OwnWork.of(tasks.createTaskQuery().processInstanceBusinessKeyLike("launch-" + launchId + ":%"))
                .orderByDueDate().asc();
        Filter filter = filters.newTaskFilter(title + "（逾期在前）");
        filter.setProperties(Map.of(
                "description", "批量发起 " + launchId + "：" + title + "，按办理期限排序，逾期的在最前",
                "priority", 10,
                "refresh", false,
                "variables", List.of(
                        Map.of("name", Subject.UNIT_NAME.name(), "label", Subject.UNIT_NAME.label()),
                        // a report request's member (ReportRequestContract.MEMBER_NAME), which the launcher cannot import
                        Map.of("name", "memberName", "label", "报送对象"),
                        Map.of("name", Subject.REGION_CODE.name(), "label", "行政区划"))));
        filter.setQuery(query);
        filters.saveFilter(filter);
        // Groups are few (a role per region); GroupQuery has no "id like", so they are picked here.
        for (Group group : identity.createGroupQuery().list()) {
            String id = group.getId();
            if (id.startsWith(Roles.COMMISSION + "-") && RegionCodes.covers(regionCode, id.substring(Roles.COMMISSION.length() + 1))) {
                Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                read.setGroupId(id);
                read.setResource(Resources.FILTER);
                read.setResourceId(filter.getId());
                read.addPermission(Permissions.READ);
                authorizations.saveAuthorization(read);
            }
        }
        return filter.getId();
    }
}
