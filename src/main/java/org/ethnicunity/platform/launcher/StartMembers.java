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
        long launchId = ((Number) execution.getVariable("launchId")).longValue();
        Launch launch = launches.find(launchId).orElseThrow();
        boolean cancelled = !launch.running();
        if (!cancelled) {
            LaunchRunner.Outcome outcome = runner.run(execution.getProcessEngineServices().getRuntimeService(), launchId, kinds.of(launch.kind()).processKey(),
                    LaunchService.memberVariables(launch));
            cancelled = outcome.cancelled();
        }
        Launch.Progress progress = launches.progress(launchId);
        execution.setVariable("launchStarted", progress.started());
        execution.setVariable("launchFailed", progress.failed());
        execution.setVariable("launchPending", progress.pending() > 0);
        execution.setVariable("launchCancelled", cancelled);
        execution.setVariable("launchProgress", progress(launch.total(), progress.started(), progress.failed(),
                progress.pending()));
    }

    static String progress(int total, int started, int failed, int pending) {
        return "已发起 " + started + " / " + total + "，失败 " + failed + "，待发起 " + pending;
    }
}
