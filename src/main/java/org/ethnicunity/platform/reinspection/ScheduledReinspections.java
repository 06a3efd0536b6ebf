package org.ethnicunity.platform.reinspection;

import java.time.LocalDate;
import org.ethnicunity.platform.contract.ReinspectionStart;
import org.ethnicunity.platform.contract.ReinspectionTrigger;
import org.ethnicunity.platform.launcher.LaunchKind;
import org.ethnicunity.platform.launcher.LaunchRequest;
import org.springframework.stereotype.Component;

/**
 * 计划复核 as a launch: a re-inspection for every title of the selection whose last check is older
 * than the cycle (the same rule as {@code /api/reinspections/due}), started through the model's own
 * start, so a title whose procedure already runs is refused there and listed as not started.
 */
@Component
class ScheduledReinspections implements LaunchKind {

    private final ReinspectionSettings settings;

    ScheduledReinspections(ReinspectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public String code() {
        return "REINSPECTION";
    }

    @Override
    public String label() {
        return ReinspectionTrigger.SCHEDULED.label();
    }

    @Override
    public String processKey() {
        return ReinspectionStart.PROCESS_KEY;
    }

    @Override
    public void check(LaunchRequest request, LocalDate today) {
        // Nothing beyond the launcher's checks: the cycle decides who is due.
    }

    /** Named titles whose granting body is in the region, last checked (or named) a cycle ago or earlier. */
    @Override
    public String memberSql(LaunchRequest request) {
        // Each member's start variables, named by the re-inspection's start contract.
        return """
                SELECT 'designation:' || due.id AS member_key,
                       jsonb_build_object('%s', due.id, '%s', '%s',
                           '%s', '%s：命名或上次复核至今已满复核周期（上次：' || due.last_check || '）') AS payload
                FROM (""".formatted(ReinspectionContract.DESIGNATION_ID.name(), ReinspectionStart.REINSPECTION_TRIGGER.name(),
                ReinspectionTrigger.SCHEDULED.name(), ReinspectionStart.REINSPECTION_REASON.name(), ReinspectionTrigger.SCHEDULED.label())
                + DueReinspections.dueSql(settings.getCycle()) + """
                ) due
                WHERE due.granting LIKE :regionPattern
                  AND (CAST(:level AS text) IS NULL OR due.level = :level)
                  AND (CAST(:unitType AS text) IS NULL OR due.unit_type = :unitType)
                ORDER BY due.last_check, due.id""";
    }
}
