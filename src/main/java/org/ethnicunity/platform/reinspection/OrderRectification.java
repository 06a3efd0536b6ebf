package org.ethnicunity.platform.reinspection;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.BusinessClock;
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
        execution.setVariable("rectificationDeadline", deadline.toString());
        execution.setVariable("rectificationDueDate",
                Date.from(deadline.plusDays(1).atStartOfDay(clock.zone()).minusSeconds(1).toInstant()));
        Object summary = execution.getVariable("assessmentSummary");
        String reason = Boolean.TRUE.equals(execution.getVariable("rectificationOrdered"))
                ? "退出程序决定责令整改" : "复核复检不合格（" + execution.getVariable("siteGrade") + "）：" + summary;
        execution.setVariable("rectificationReason", reason);
        registry.changeStatus(((Number) execution.getVariable("designationId")).longValue(), DesignationStatus.RECTIFYING,
                Actors.current(), "限期整改至 " + deadline + "：" + reason, execution.getProcessInstanceId());
    }
}
