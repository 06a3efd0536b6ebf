package org.ethnicunity.platform.launcher;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a launch starts its members ({@code app.launcher.*}).
 *
 * @param batchSize instances started per transaction: fewer commits, but a failing member costs a
 *                  retry of its batch one by one
 * @param workers   threads starting batches side by side within one job (PLATFORM-NOTES: two were
 *                  the sweet spot on two cores; more made the database the bottleneck)
 * @param jobBudget how long one job keeps starting batches before handing over to a new job, so the
 *                  next job can run on another node and progress shows in Cockpit; well under the
 *                  job executor's lock time
 */
@ConfigurationProperties("app.launcher")
public record LaunchSettings(@DefaultValue("50") int batchSize, @DefaultValue("2") int workers,
                             @DefaultValue("PT20S") Duration jobBudget) {

    public LaunchSettings {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("app.launcher.batch-size 须在 1 到 1000 之间 / must be 1..1000: " + batchSize);
        }
        if (workers < 1 || workers > 16) {
            throw new IllegalArgumentException("app.launcher.workers 须在 1 到 16 之间 / must be 1..16: " + workers);
        }
        if (jobBudget.isNegative() || jobBudget.isZero() || jobBudget.compareTo(Duration.ofMinutes(4)) > 0) {
            throw new IllegalArgumentException("app.launcher.job-budget 须大于 0 且不超过 4 分钟（任务锁定时间为 5 分钟）: " + jobBudget);
        }
    }
}
