package org.ethnicunity.platform.engine;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;


/**
 * What Camunda's task permissions leave open to a person who may work on a task: {@code TASK_WORK}
 * lets a candidate claim the task for anybody, unclaim somebody else's, and the engine checks
 * nothing at all before a comment. Here, for every caller but administrators and the platform's own
 * code: one claims for oneself, unclaims only one's own task and only when it has candidates to go
 * back to, and comments only on a task one may work on. (A start "before activity X" is refused by
 * {@link CommandAllowList}.) A command interceptor, so every door (REST, the web apps' API, the Java
 * API) passes it.
 */
class OwnWorkGuard extends CommandInterceptor {

    private final Supplier<IdentityService> identity;
    private final Supplier<TaskService> tasks;
    private final Supplier<AuthorizationService> authorizations;

    OwnWorkGuard(Supplier<IdentityService> identity, Supplier<TaskService> tasks,
                 Supplier<AuthorizationService> authorizations) {
        this.identity = identity;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
        Authentication caller = identity.get().getCurrentAuthentication();
        if (caller == null || caller.getUserId() == null || groups(caller).contains(Caller.ADMINISTRATORS)) {
            return next.execute(command);
        }
        if (command instanceof AssignTaskCmd && CommandFields.read(command, "userId") == null) {
            // REST's and Tasklist's "unclaim" is setAssignee(null), which needs TASK_ASSIGN; for one's own
            // task it is the claim command's unclaim, which needs only TASK_WORK.
            String taskId = CommandFields.read(command, "taskId");
            checkClaim(caller, taskId, null);
            return (T) next.execute(new ClaimTaskCmd(taskId, null));
        }
        if (command instanceof ClaimTaskCmd) {
            checkClaim(caller, CommandFields.read(command, "taskId"), CommandFields.read(command, "userId"));
        } else if (command instanceof AddCommentCmd) {
            checkComment(caller, CommandFields.read(command, "taskId"));
        }
        return next.execute(command);
    }

    private void checkClaim(Authentication caller, String taskId, String userId) {
        if (userId != null && !userId.equals(caller.getUserId())) {
            throw new AuthorizationException("只能为本人认领任务，不能认领给" + userId + " / you can claim a task only for yourself");
        }
        if (userId == null) {
            Task task = taskId == null ? null : tasks.get().createTaskQuery().taskId(taskId).singleResult();
            if (task != null && task.getAssignee() != null && !task.getAssignee().equals(caller.getUserId())) {
                throw new AuthorizationException("只能退回本人认领的任务（该任务由" + task.getAssignee() + "办理） / "
                        + "you can unclaim only your own task");
            }
            if (task != null && tasks.get().getIdentityLinksForTask(taskId).stream()
                    .noneMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))) {
                // A task assigned straight to its person (the unit's resubmission) would be nobody's.
                throw new AuthorizationException("该任务直接交由您办理，不能退回（退回后无人可以办理） / "
                        + "this task was assigned to you directly and cannot be unclaimed");
            }
        }
    }

    private void checkComment(Authentication caller, String taskId) {
        boolean mayWork = taskId != null && (authorizations.get().isUserAuthorized(caller.getUserId(), groups(caller),
                Permissions.TASK_WORK, Resources.TASK, taskId)
                || authorizations.get().isUserAuthorized(caller.getUserId(), groups(caller), Permissions.UPDATE,
                Resources.TASK, taskId));
        if (!mayWork) {
            throw new AuthorizationException("只能对本人有权办理的任务填写意见 / you can comment only on a task you may work on");
        }
    }

    private static List<String> groups(Authentication caller) {
        return caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    }
}
