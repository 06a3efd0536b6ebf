package org.ethnicunity.platform.launcher;

import static org.ethnicunity.platform.launcher.LaunchContract.AUDIENCE;
import static org.ethnicunity.platform.launcher.LaunchContract.DESIGNATION_STATUS;
import static org.ethnicunity.platform.launcher.LaunchContract.FINAL_DEADLINE;
import static org.ethnicunity.platform.launcher.LaunchContract.INSTRUCTIONS;
import static org.ethnicunity.platform.launcher.LaunchContract.LAUNCH_CANCELLED;
import static org.ethnicunity.platform.launcher.LaunchContract.LAUNCH_FAILED;
import static org.ethnicunity.platform.launcher.LaunchContract.LAUNCH_ID;
import static org.ethnicunity.platform.launcher.LaunchContract.LAUNCH_KIND;
import static org.ethnicunity.platform.launcher.LaunchContract.LAUNCH_PENDING;
import static org.ethnicunity.platform.launcher.LaunchContract.LAUNCH_PROGRESS;
import static org.ethnicunity.platform.launcher.LaunchContract.LAUNCH_STARTED;
import static org.ethnicunity.platform.launcher.LaunchContract.LAUNCH_TITLE;
import static org.ethnicunity.platform.launcher.LaunchContract.LAUNCH_TOTAL;
import static org.ethnicunity.platform.launcher.LaunchContract.LEVEL;
import static org.ethnicunity.platform.launcher.LaunchContract.REGION_CODE;
import static org.ethnicunity.platform.launcher.LaunchContract.REPORT_DUE_DATE;
import static org.ethnicunity.platform.launcher.LaunchContract.REVIEW_YEAR;
import static org.ethnicunity.platform.launcher.LaunchContract.UNIT_TYPE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.contract.Option;
import org.ethnicunity.platform.engine.Caller;
import org.ethnicunity.platform.engine.CommandScope;
import org.springframework.stereotype.Component;

/**
 * First step of a launch (bpmn/launch.bpmn): reads the start form's values through the contract,
 * checks them and the starter's scope, and records the launch with its whole selection, in the
 * starting transaction. The filter and its grants are the platform's doing, not the starter's (who
 * may not create authorizations).
 */
@Component("createLaunch")
class CreateLaunch implements JavaDelegate {

    private final LaunchService service;

    CreateLaunch(LaunchService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        LaunchRequest request = new LaunchRequest(code(LAUNCH_KIND.get(execution)), LAUNCH_TITLE.get(execution),
                REGION_CODE.get(execution), code(LEVEL.get(execution)), code(UNIT_TYPE.get(execution)),
                code(DESIGNATION_STATUS.get(execution)), REVIEW_YEAR.get(execution), REPORT_DUE_DATE.get(execution),
                FINAL_DEADLINE.get(execution), INSTRUCTIONS.get(execution), code(AUDIENCE.get(execution)));
        Caller caller = Caller.current(execution.getProcessEngineServices().getIdentityService());
        Launch launch = CommandScope.withoutAuthorization(
                () -> service.create(request, caller, execution.getProcessInstanceId()));
        execution.setProcessBusinessKey("launch-" + launch.id());
        LAUNCH_ID.set(execution, launch.id());
        LAUNCH_TITLE.set(execution, launch.title());
        LAUNCH_TOTAL.set(execution, launch.total());
        LAUNCH_STARTED.set(execution, 0);
        LAUNCH_FAILED.set(execution, 0);
        LAUNCH_PENDING.set(execution, true);
        LAUNCH_CANCELLED.set(execution, false);
        LAUNCH_PROGRESS.set(execution, StartMembers.progress(launch.total(), 0, 0, launch.total()));
    }

    private static String code(Option option) {
        return option == null ? null : option.code();
    }
}
