package org.ethnicunity.platform.nomination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/**
 * The leading group's approval: within the campaign's quota the application goes into public notice.
 * Beyond the quota the approval is refused and, as this runs in the approving task's transaction,
 * the task stays open for the leading group to decline instead.
 */
@Component("approveApplication")
class ApproveApplication implements JavaDelegate {

    private final RegistryService registry;

    ApproveApplication(RegistryService registry) {
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String comment = NominationContract.APPROVAL_COMMENT.get(execution);
        registry.approve(NominationContract.DESIGNATION_ID.require(execution), Actors.current(),
                "领导小组批准，进入公示" + (comment == null ? "" : "：" + comment),
                execution.getProcessInstanceId());
    }
}
