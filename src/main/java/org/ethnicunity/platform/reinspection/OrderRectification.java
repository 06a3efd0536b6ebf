package org.ethnicunity.platform.reinspection;

import static org.ethnicunity.platform.reinspection.ReinspectionContract.*;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.contract.ReinspectionTrigger;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/**
 * 限期整改: sets the deadline (the configured period from today; the rectification report is due
 * at the end of that day) and records RECTIFYING, unless the start already did (rectification
 * ordered by an exit decision).
 */
@Component("orderRectification")
class OrderRectification implements JavaDelegate {

    private final RegistryService registry;
    private final ReinspectionSettings settings;
    private final BusinessClock clock;

    OrderRectification(RegistryService registry, ReinspectionSettings settings, BusinessClock clock) {
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate deadline = settings.rectificationDeadline(clock.today());
        RECTIFICATION_DEADLINE.set(execution, deadline);
        RECTIFICATION_DUE_DATE.set(execution, Date.from(deadline.plusDays(1).atStartOfDay(clock.zone()).minusSeconds(1).toInstant()));
        String reason = Boolean.TRUE.equals(RECTIFICATION_ORDERED.get(execution))
                ? ReinspectionTrigger.EXIT_DECISION.label()
                : "复核复检不合格（" + SITE_GRADE.get(execution) + "）：" + ASSESSMENT_SUMMARY.get(execution);
        RECTIFICATION_REASON.set(execution, reason);
        registry.changeStatus(DESIGNATION_ID.require(execution), DesignationStatus.RECTIFYING,
                Actors.current(), "限期整改至 " + deadline + "：" + reason, execution.getProcessInstanceId());
    }
}
