package org.ethnicunity.platform.engine;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The caller lost a race: somebody else claimed, submitted or completed the same task (or decided
 * the same matter) a moment earlier, and this caller's attempt was rolled back with nothing changed.
 * The message is for people; REST ({@code /engine-rest}, Tasklist's API) and {@code /api} answer it
 * with 409 Conflict. Raised by {@link EngineErrorTranslator} for the engine's tasks, and by a module
 * whose own atomic step found that someone else got there first (a launch cancelled twice).
 */
public class RaceLost extends ProcessEngineException {

    /** Someone else's claim came first. */
    public static final String CLAIMED = "该任务已由他人签收，请刷新待办列表";
    /** The task is done: someone else submitted or completed it first. */
    public static final String DONE = "该任务已由他人办理完毕，请刷新待办列表";
    /** Something else about the matter changed under the caller's feet. */
    public static final String CHANGED = "该事项刚被他人处理，请刷新后重试";

    RaceLost(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message for people, in Chinese: what happened and what to do */
    public RaceLost(String message) {
        super(message);
    }
}
