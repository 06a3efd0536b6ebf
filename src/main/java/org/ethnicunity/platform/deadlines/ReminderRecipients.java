package org.ethnicunity.platform.deadlines;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.security.Roles;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who receives a reminder: a task's assignee, or else its candidate users and the members of its
 * candidate groups; and, for a long-overdue task, the members of the supervising role's groups whose
 * region covers the task's. A sweep asks through one {@link Lookup}, which reads groups, members and
 * names once a run.
 */
@Component
class ReminderRecipients {

    private static final int PAGE = 1000;

    private final IdentityService identity;
    private final ReminderSettings settings;

    ReminderRecipients(@Lazy IdentityService identity, ReminderSettings settings) {
        this.identity = identity;
        this.settings = settings;
    }

    /** The escalation of a task: who supervises it, and the scope named when nobody does. */
    record Escalation(Set<String> supervisors, String scope) {
    }

    /** The role and region a task is offered to (ROLE-REGIONCODE); else no role and the instance's regionCode. */
    private record Scope(String role, String region) {
    }

    /** A new lookup for one sweep, with the groups read now. */
    Lookup lookup() {
        return new Lookup();
    }

    /** One sweep's view of people and groups, each read once. */
    final class Lookup {

        private final Map<String, String> groupNames = new HashMap<>();
        private final List<String> groupIds;
        private final Map<String, Set<String>> members = new HashMap<>();
        private final Map<String, Set<String>> supervisorsByScope = new HashMap<>();
        private final Map<String, String> userNames = new HashMap<>();

        private Lookup() {
            identity.createGroupQuery().list().forEach(g -> groupNames.put(g.getId(), g.getName() == null ? g.getId() : g.getName()));
            groupIds = groupNames.keySet().stream().sorted().toList();
        }

        /** Reads the first names of a page's assignees not read yet, a page of ids a query. */
        void readAssignees(List<Task> page) {
            List<String> ids = page.stream().map(Task::getAssignee).filter(Objects::nonNull)
                    .filter(id -> !userNames.containsKey(id)).distinct().toList();
            for (int i = 0; i < ids.size(); i += PAGE) {
                List<String> slice = ids.subList(i, Math.min(ids.size(), i + PAGE));
                slice.forEach(id -> userNames.put(id, id));
                identity.createUserQuery().userIdIn(slice.toArray(String[]::new)).list().forEach(u -> userNames.put(u.getId(),
                        u.getFirstName() == null || u.getFirstName().isBlank() ? u.getId() : u.getFirstName()));
            }
        }

        /** The assignee, or else every candidate: candidate users and the members of candidate groups. */
        Set<String> responsible(Task task, List<IdentityLink> links) {
            Set<String> users = new LinkedHashSet<>();
            if (task.getAssignee() != null) {
                users.add(task.getAssignee());
                return users;
            }
            for (IdentityLink link : links) {
                if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    continue;
                }
                if (link.getUserId() != null) {
                    users.add(link.getUserId());
                } else if (link.getGroupId() != null) {
                    users.addAll(members(link.getGroupId()));
                }
            }
            return users;
        }

        /** Who holds an escalated task: its assignee, or the groups and users it waits to be claimed by. */
        String holder(Task task, List<IdentityLink> links) {
            if (task.getAssignee() != null) {
                return "办理人：" + userNames.getOrDefault(task.getAssignee(), task.getAssignee());
            }
            List<String> candidates = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                    .map(l -> l.getGroupId() != null ? groupNames.getOrDefault(l.getGroupId(), l.getGroupId()) : l.getUserId())
                    .toList();
            return candidates.isEmpty() ? "无人承办" : "待领取：" + String.join("、", candidates);
        }

        /** The supervisors of a long-overdue task, by the role it is offered to and its region (or its instance's). */
        Escalation escalation(Task task, List<IdentityLink> links, Object instanceRegion) {
            Scope scope = scope(links, instanceRegion);
            String role = settings.supervisingRole(scope.role());
            Set<String> supervisors = supervisorsByScope.computeIfAbsent(role + "-" + scope.region(),
                    key -> supervisors(role, scope.region()));
            return new Escalation(supervisors, scope.region() == null ? "无行政区划的任务 / tasks without a region"
                    : role + "-" + scope.region());
        }

        /** The users with these ids, a page of ids a query; unknown ids are left out. */
        Map<String, User> users(Collection<String> ids) {
            Map<String, User> users = new HashMap<>();
            List<String> all = new ArrayList<>(ids);
            for (int i = 0; i < all.size(); i += PAGE) {
                identity.createUserQuery().userIdIn(all.subList(i, Math.min(all.size(), i + PAGE)).toArray(String[]::new))
                        .list().forEach(u -> users.put(u.getId(), u));
            }
            return users;
        }

        private Scope scope(List<IdentityLink> links, Object instanceRegion) {
            for (IdentityLink link : links) {
                if (link.getGroupId() != null) {
                    Optional<Roles.RegionalGroup> group = Roles.regional(link.getGroupId());
                    if (group.isPresent()) {
                        return new Scope(group.get().role(), group.get().region());
                    }
                }
            }
            return new Scope(null, instanceRegion == null ? null : instanceRegion.toString());
        }

        /** Members of every group of the role whose region covers the task's (a city's covers its banners). */
        private Set<String> supervisors(String role, String region) {
            Set<String> users = new LinkedHashSet<>();
            if (region == null) {
                return users;
            }
            for (String group : groupIds) {
                Optional<Roles.RegionalGroup> regional = Roles.regional(group);
                if (regional.isPresent() && regional.get().role().equals(role) && RegionCodes.covers(regional.get().region(), region)) {
                    users.addAll(members(group));
                }
            }
            return users;
        }

        private Set<String> members(String group) {
            return members.computeIfAbsent(group, g -> {
                Set<String> ids = new LinkedHashSet<>();
                identity.createUserQuery().memberOfGroup(g).list().forEach(u -> ids.add(u.getId()));
                return ids;
            });
        }
    }
}
