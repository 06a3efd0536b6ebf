package org.ethnicunity.platform.engine;

import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Gives the engine's REST API the right answer for two failures it would otherwise call a 500,
 * outside the transaction (the rollback has already happened):
 * <ul>
 *   <li>a {@link RuleViolation} thrown in a task listener arrives wrapped in "ENGINE-03051 There was
 *   an exception while invoking the TaskListener"; it is passed on unwrapped, so the caller gets 400
 *   and the plain Chinese message;</li>
 *   <li>a deployment whose XML cannot be read at all is reported as a {@link ParseException} (400),
 *   like any other broken model;</li>
 *   <li>a task completed by two people (or two nodes) at the same moment: the one who commits second
 *   loses to optimistic locking and is told so in words, not with the engine's ENGINE-03005.</li>
 * </ul>
 */
public class EngineErrorTranslator extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (RuntimeException e) {
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
            if (e instanceof OptimisticLockingException && (command instanceof SubmitTaskFormCmd || command instanceof CompleteTaskCmd)) {
                throw new RuleViolation("concurrentChange",
                        "该任务刚刚已由他人办理，请刷新任务列表 / the task was completed by someone else at the same moment");
            }
            throw e;
        }
    }

    /** The engine's message names the resource in quotes: "Could not parse 'nomination.bpmn'. ...". */
    private static String resourceName(String message) {
        int start = message.indexOf('\'');
        int end = start < 0 ? -1 : message.indexOf('\'', start + 1);
        return end > start ? message.substring(start + 1, end) : "model";
    }
}
