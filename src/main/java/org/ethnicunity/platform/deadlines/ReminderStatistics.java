package org.ethnicunity.platform.deadlines;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What the reminder sweeps of this node did: counted during a run, the last run kept for /actuator/reminders. */
@Component
class ReminderStatistics {

    private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);

    private final AtomicReference<ReminderSweep.Run> lastRun = new AtomicReference<>();

    Optional<ReminderSweep.Run> lastRun() {
        return Optional.ofNullable(lastRun.get());
    }

    /** Keeps and logs a run; returns it. */
    ReminderSweep.Run record(ReminderSweep.Run run) {
        lastRun.set(run);
        log.info("Reminder sweep: {}", run);
        return run;
    }

    /** The counts of one run, as it goes. */
    static final class Tally {

        private final long started = System.nanoTime();
        private final Set<String> missingSupervisors = new TreeSet<>();
        private int tasks;
        private int escalated;
        private int unsupervised;
        private int withoutEmail;

        void task() {
            tasks++;
        }

        void escalated() {
            escalated++;
        }

        /** An escalated task nobody receives: a gap in the set-up, named by the group that would cover it. */
        void unsupervised(String scope) {
            unsupervised++;
            missingSupervisors.add(scope);
        }

        void withoutEmail() {
            withoutEmail++;
        }

        ReminderSweep.Run run(ZonedDateTime at, int recipients, int digestsQueued) {
            if (unsupervised > 0) {
                log.warn("{} overdue tasks have nobody to escalate to: no members in a group covering {} "
                        + "(逾期督办无人接收：请在 Admin 中建立覆盖该地区的组并添加成员)", unsupervised, missingSupervisors);
            }
            return new ReminderSweep.Run(at, null, tasks, recipients, digestsQueued, escalated, unsupervised,
                    List.copyOf(missingSupervisors), withoutEmail, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
