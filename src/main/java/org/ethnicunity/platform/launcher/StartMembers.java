package org.ethnicunity.platform.launcher;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * One job of a launch: starts batches for a while (app.launcher.job-budget) and records the
 * progress on the instance, where Cockpit shows it; the model loops back here while members are
 * pending, each round a new job that any node may take.
 */
@Component("startMembers")
class StartMembers implements JavaDelegate {

    private final LaunchRepository launches;
    private final LaunchKinds kinds;
    private final LaunchRunner runner;

    StartMembers(LaunchRepository launches, LaunchKinds kinds, LaunchRunner runner) {
        this.launches = launches;
        this.kinds = kinds;
        this.runner = runner;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long launchId = LaunchContract.LAUNCH_ID.require(execution);
        Launch launch = launches.find(launchId).orElseThrow();
        boolean cancelled = !launch.running();
        if (!cancelled) {
            LaunchRunner.Outcome outcome = runner.run(execution.getProcessEngineServices().getRuntimeService(), launchId,
                    kinds.of(launch.kind()).processKey(), LaunchContract.memberVariables(launch));
            cancelled = outcome.cancelled();
        }
        Launch.Progress progress = launches.progress(launchId);
        LaunchContract.LAUNCH_STARTED.set(execution, progress.started());
        LaunchContract.LAUNCH_FAILED.set(execution, progress.failed());
        LaunchContract.LAUNCH_PENDING.set(execution, progress.pending() > 0);
        LaunchContract.LAUNCH_CANCELLED.set(execution, cancelled);
        LaunchContract.LAUNCH_PROGRESS.set(execution, progress(launch.total(), progress.started(), progress.failed(),
                progress.pending()));
    }

    static String progress(int total, int started, int failed, int pending) {
        return "已发起 " + started + " / " + total + "，失败 " + failed + "，待发起 " + pending;
    }
}
