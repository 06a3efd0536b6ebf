package org.ethnicunity.platform.deadlines;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.ethnicunity.platform.contract.ProcessContract;
import org.ethnicunity.platform.contract.Variable;

/** The reminder sweep's variables ({@code bpmn/reminders.bpmn}): what one run did, for Cockpit. */
public final class ReminderContract implements ProcessContract {

    public static final Variable<String> SKIPPED = Variable.text("skipped", "未运行原因");
    public static final Variable<Integer> TASKS = Variable.integer("tasks", "到期及逾期任务数");
    public static final Variable<Integer> RECIPIENTS = Variable.integer("recipients", "收件人数");
    public static final Variable<Integer> DIGESTS_QUEUED = Variable.integer("digestsQueued", "新排队的提醒邮件数");
    public static final Variable<Integer> ESCALATED_TASKS = Variable.integer("escalatedTasks", "督办任务数");
    public static final Variable<Integer> ESCALATED_WITHOUT_SUPERVISOR =
            Variable.integer("escalatedWithoutSupervisor", "无人督办的逾期任务数");
    public static final Variable<String> MISSING_SUPERVISORS = Variable.text("missingSupervisors", "缺少督办人的组");
    public static final Variable<Integer> WITHOUT_EMAIL = Variable.integer("withoutEmail", "无邮箱的收件人数");
    public static final Variable<Long> MILLIS = Variable.internal("millis", "用时（毫秒）", Long.class);

    @Override
    public List<String> processKeys() {
        return List.of("reminderSweep");
    }

    /** Keeps what a run did as variables of its instance. */
    static void record(VariableScope instance, ReminderSweep.Run run) {
        SKIPPED.set(instance, run.skipped());
        TASKS.set(instance, run.tasks());
        RECIPIENTS.set(instance, run.recipients());
        DIGESTS_QUEUED.set(instance, run.digestsQueued());
        ESCALATED_TASKS.set(instance, run.escalatedTasks());
        ESCALATED_WITHOUT_SUPERVISOR.set(instance, run.escalatedWithoutSupervisor());
        MISSING_SUPERVISORS.set(instance, String.join(", ", run.missingSupervisors()));
        WITHOUT_EMAIL.set(instance, run.withoutEmail());
        MILLIS.set(instance, run.millis());
    }
}
