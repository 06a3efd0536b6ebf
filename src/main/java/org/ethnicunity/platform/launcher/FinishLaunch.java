package org.ethnicunity.platform.launcher;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.mail.MailNotifier;
import org.springframework.stereotype.Component;

/** Last step of a launch: done, or cancelled with its pending members; the launcher gets a summary mail. */
@Component("finishLaunch")
class FinishLaunch implements JavaDelegate {

    private final LaunchRepository launches;
    private final BusinessClock clock;
    private final MailNotifier mail;
    private final IdentityService identity;
    private final LaunchKinds kinds;

    FinishLaunch(LaunchRepository launches, BusinessClock clock, MailNotifier mail, IdentityService identity,
                 LaunchKinds kinds) {
        this.kinds = kinds;
        this.launches = launches;
        this.clock = clock;
        this.mail = mail;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long launchId = LaunchContract.LAUNCH_ID.require(execution);
        boolean cancelled = Boolean.TRUE.equals(LaunchContract.LAUNCH_CANCELLED.get(execution));
        launches.end(launchId, (cancelled ? LaunchState.CANCELLED : LaunchState.DONE).name(), clock.now());
        Launch launch = launches.find(launchId).orElseThrow();
        LaunchContract.LAUNCH_PROGRESS.set(execution, StartMembers.progress(launch.total(), launch.progress().started(),
                launch.progress().failed(), 0) + (cancelled ? "，已取消 " + launch.progress().cancelled() : ""));
        User user = identity.createUserQuery().userId(launch.launchedBy()).singleResult();
        if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
            Map<String, Object> model = new HashMap<>();
            model.put("name", user.getFirstName() == null ? user.getId() : user.getFirstName());
            model.put("launch", launch);
            model.put("cancelled", cancelled);
            model.put("kindLabel", kinds.of(launch.kind()).label());
            model.put("link", mail.settings().baseUrl() + "/launches/" + launchId);
            model.put("tasklist", mail.settings().tasklistUrl());
            mail.send(user.getEmail(), "【民族团结进步创建】批量发起" + (cancelled ? "已取消" : "已完成") + "：" + launch.title(),
                    "launch-finished", model);
        }
    }
}
