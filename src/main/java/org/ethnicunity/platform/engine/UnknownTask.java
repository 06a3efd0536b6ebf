package org.ethnicunity.platform.engine;

import org.camunda.bpm.engine.exception.NotFoundException;

/**
 * A claim, submission or completion of a task id that never existed (a mistyped or forged id): 404
 * with a message for people, where the engine says "task is null" and REST would answer 500. A task
 * that existed and is done is a {@link RaceLost} instead. Raised by {@link EngineErrorTranslator}.
 */
public class UnknownTask extends NotFoundException {

    UnknownTask(String taskId, Throwable cause) {
        super("找不到编号为 " + taskId + " 的任务，请刷新待办列表", cause);
    }
}
