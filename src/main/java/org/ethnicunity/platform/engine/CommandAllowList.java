package org.ethnicunity.platform.engine;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateFilterCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine commands a signed-in person who is not an administrator may run; every other one is
 * refused with 「不允许的操作…」 (403 over REST). The REST filter ({@code security.EngineApiRules})
 * already keeps such people to their own work's URLs; this holds the same line for every door (the
 * web apps' API, our pages, the Java API) and for commands a new engine version adds: a command
 * nobody listed here is refused until somebody decides it is safe.
 *
 * <p>Not affected: the platform's own calls (no current authentication: jobs, boot, delegates run by
 * the job executor, {@code ApiAccess.asPlatform}); administrators ({@value Caller#ADMINISTRATORS});
 * commands run inside a command already allowed (the engine's own nested calls, our delegates and
 * listeners). To allow a command: add its class to the group it belongs to below with the reason,
 * and say what guards it (the engine's permission check, {@link OwnWorkGuard},
 * {@link SubmittedFieldsGuard}); docs/architecture-engine.md.
 */
final class CommandAllowList extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(CommandAllowList.class);

    /**
     * Reads by name: the engine's {@code Get…Cmd} (a task's form, variables, comments, a deployed
     * resource), {@code Is…}/{@code Find…}/{@code Check…} (is the identity service read-only, which
     * activities are active, does a password pass the policy), {@code Create…QueryCmd} (makes a query
     * object) and {@code ExecuteFilter…Cmd} (a stored filter's list or count). Each checks READ itself.
     * Not {@code Fetch…}: fetching external tasks locks them.
     */
    static final Pattern READ = Pattern.compile("(Get|Is|Find|Check)[A-Za-z]*|Create[A-Za-z]*QueryCmd|ExecuteFilter[A-Za-z]*Cmd|AuthorizationCheckCmd");

    /** The writes people make in their own work; the guard named with each narrows what it may do. */
    static final Set<Class<?>> WRITES = Set.of(
            // Tasklist's task work: claim and unclaim (OwnWorkGuard: only for oneself, only one's own),
            // hand a task on (the engine checks TASK_ASSIGN, which only administrators have).
            ClaimTaskCmd.class, AssignTaskCmd.class,
            // Finishing a task with its form (SubmittedFieldsGuard: the form's fields only; the form checks
            // run on complete) and saving a form's values (the same guard).
            SubmitTaskFormCmd.class, CompleteTaskCmd.class, SetTaskVariablesCmd.class,
            // Comments in Tasklist (OwnWorkGuard: only on a task one may work on).
            AddCommentCmd.class,
            // Starting an application or a launch from Tasklist, REST or our pages (SubmittedFieldsGuard:
            // the start form's fields; the model's first steps check who starts; the engine checks
            // CREATE_INSTANCE). A start "before activity X" is a different command and not listed.
            StartProcessInstanceCmd.class, SubmitStartFormCmd.class,
            // Tasklist's own filters (the engine checks the filter's CREATE, UPDATE, DELETE permission).
            CreateFilterCmd.class, SaveFilterCmd.class, DeleteFilterCmd.class,
            // One's own profile and password (the REST filter allows only one's own user; the engine checks
            // UPDATE on the user).
            SaveUserCmd.class);

    /** Why a command people have tried is refused, in their words; others get the general refusal. */
    static final Map<Class<?>, String> REASONS = Map.of(
            // A start "before activity X" (REST's startInstructions) would skip the model's first steps,
            // which check who starts and what state the designation is in. (Skipping listeners at the
            // default start is refused by Camunda itself, ENGINE-13024.)
            StartProcessInstanceAtActivitiesCmd.class, "流程只能从开始事件发起，不能指定从某一环节开始 / a process starts at its start event");

    private final Supplier<IdentityService> identity;

    CommandAllowList(Supplier<IdentityService> identity) {
        this.identity = identity;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() != null) {
            return next.execute(command); // inside a command that was allowed (or the platform's own)
        }
        Authentication caller = identity.get().getCurrentAuthentication();
        if (caller == null || caller.getUserId() == null || allowed(command)
                || caller.getGroupIds() != null && caller.getGroupIds().contains(Caller.ADMINISTRATORS)) {
            return next.execute(command);
        }
        // Logged so that an administrator can tell which command a refused person's screen needed.
        log.warn("Refused engine command {} for {}: not on the allow-list", command.getClass().getName(), caller.getUserId());
        String reason = REASONS.get(command.getClass());
        throw new AuthorizationException(reason != null ? reason : "不允许的操作：此项操作只能由系统管理员进行（"
                + command.getClass().getSimpleName() + "） / not allowed: this engine command is not on the allow-list"
                + " for users who are not administrators");
    }

    /** Whether anybody signed in may run the command (the engine and the other guards still check it). */
    static boolean allowed(Command<?> command) {
        if (command instanceof AbstractQuery<?, ?> || WRITES.contains(command.getClass())) {
            return true;
        }
        Class<?> type = command.getClass();
        return type.getName().startsWith("org.camunda.bpm.") && READ.matcher(type.getSimpleName()).matches();
    }
}
