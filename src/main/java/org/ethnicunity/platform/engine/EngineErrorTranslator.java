package org.ethnicunity.platform.engine;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Gives the engine's REST API the right answer for failures it would otherwise call a 500,
 * outside the transaction (the rollback has already happened):
 * <ul>
 *   <li>a {@link RuleViolation} thrown in a task listener arrives wrapped in "ENGINE-03051 There was
 *   an exception while invoking the TaskListener"; it is passed on unwrapped, so the caller gets 400
 *   and the plain Chinese message;</li>
 *   <li>a deployment whose XML cannot be read at all is reported as a {@link ParseException} (400),
 *   like any other broken model;</li>
 *   <li>a task claimed, submitted or completed by two people (or two nodes) at the same moment, or
 *   once more after it was done: the loser's command fails in whatever way the engine happens to
 *   notice it (ENGINE-03005 optimistic locking, "task is null", "already claimed", "no current
 *   activity", a gateway's condition on a variable of the next step, a duplicate key of two claims'
 *   grants, a permission the winner's completion removed). Whatever the failure, if the
 *   task has meanwhile been done or claimed by someone else, the caller lost a race and gets a
 *   {@link RaceLost} (409) saying so in Chinese; the winner's work stands, the loser's was rolled
 *   back. A failure on a task still open keeps its answer; a task id that never existed is an
 *   {@link UnknownTask} (404).</li>
 * </ul>
 */
public class EngineErrorTranslator extends CommandInterceptor {

    /**
     * The same person claimed the task twice at once (two tabs, two nodes): one claim lost to the other,
     * but the task is theirs, as both asked; the loser's claim succeeds like Camunda's repeated claim.
     */
    private static final ProcessEngineException CLAIMED_AS_ASKED = new ProcessEngineException("claimed by the caller already");

    private final Supplier<TaskService> tasks;
    private final Supplier<HistoryService> history;
    private final Supplier<IdentityService> identity;

    EngineErrorTranslator(Supplier<TaskService> tasks, Supplier<HistoryService> history, Supplier<IdentityService> identity) {
        this.tasks = tasks;
        this.history = history;
        this.identity = identity;
    }

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (RuntimeException e) {
            // First: however the loser of a race failed (even by a rule a listener checked against the
            // winner's changes), it lost a race.
            ProcessEngineException race = raceLost(command, e);
            if (race == CLAIMED_AS_ASKED) {
                return null; // the claim command's result is void
            }
            if (race != null) {
                throw race;
            }
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof RuleViolation violation) {
                    throw violation;
                }
            }
            if (command instanceof DeployCmd && e instanceof ProcessEngineException && !(e instanceof ParseException)
                    && e.getMessage() != null && e.getMessage().contains("Could not parse")) {
                throw new ParseException("模型文件无法解析，请检查是否为完整有效的 XML / the model cannot be parsed: "
                        + e.getMessage(), resourceName(e.getMessage()), List.of(), List.of());
            }
            throw e;
        }
    }

    /**
     * The race the command lost, judged after its rollback by what the winner left; an {@link UnknownTask}
     * for a task that never existed; null when neither.
     */
    private ProcessEngineException raceLost(Command<?> command, RuntimeException failure) {
        boolean claim = command instanceof ClaimTaskCmd;
        if (!(claim || command instanceof SubmitTaskFormCmd || command instanceof CompleteTaskCmd)
                || Context.getCommandContext() != null) { // a nested command: its outermost command decides
            return null;
        }
        String taskId = CommandFields.read(command, "taskId");
        if (taskId == null) {
            return null;
        }
        try {
            return judge(claim, taskId, CommandFields.read(command, claim ? "userId" : "taskId"), failure);
        } catch (RuntimeException lookup) {
            failure.addSuppressed(lookup); // the database is gone too: the original failure tells more
            return null;
        }
    }

    private ProcessEngineException judge(boolean claim, String taskId, String claimer, RuntimeException failure) {
        // As the platform: the loser may no longer see the task the winner took or finished.
        return CommandScope.withoutCaller(identity.get(), () -> {
            Task open = tasks.get().createTaskQuery().taskId(taskId).singleResult();
            if (open == null) {
                HistoricTaskInstance done = history.get().createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
                if (done == null) {
                    return failure instanceof NullValueException ? new UnknownTask(taskId, failure) : null;
                }
                return new RaceLost(TaskEntity.DELETE_REASON_COMPLETED.equals(done.getDeleteReason()) ? RaceLost.DONE : RaceLost.CHANGED, failure);
            }
            // A claim that failed on a task someone now holds lost that claim, however it failed: two
            // claims at once also collide on the assignee's grant (a duplicate key, not optimistic locking).
            boolean claimLost = claim && open.getAssignee() != null && !(failure instanceof AuthorizationException);
            if (!(claimLost || failure instanceof OptimisticLockingException || failure instanceof TaskAlreadyClaimedException)) {
                // The task is open: a refused value, a broken rule, a refused caller (403), a fault of the
                // command's own. (Once the task is done, even a refusal is the race's doing: the winner's
                // completion deletes the assignee's grant on the task before the loser's check reads it.)
                return null;
            }
            if (claim && open.getAssignee() != null && open.getAssignee().equals(claimer)) {
                return CLAIMED_AS_ASKED;
            }
            boolean claimedByOther = claim && open.getAssignee() != null;
            return new RaceLost(claimedByOther ? RaceLost.CLAIMED : RaceLost.CHANGED, failure);
        });
    }

    /** The engine's message names the resource in quotes: "Could not parse 'nomination.bpmn'. ...". */
    private static String resourceName(String message) {
        int start = message.indexOf('\'');
        int end = start < 0 ? -1 : message.indexOf('\'', start + 1);
        return end > start ? message.substring(start + 1, end) : "model";
    }
}
