package org.ethnicunity.platform.nomination;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ethnicunity.platform.mail.MailNotifier;
import org.ethnicunity.platform.nomination.NominationContract.ObjectionVerdict;
import org.springframework.stereotype.Component;

/**
 * Tells an objector who filed on the public notice page (and so left an e-mail address) that the
 * objection was received, when its verification task (核实异议) is created, and the commission's
 * answer, when that task is completed. Objections registered by staff carry no address: nothing is sent.
 */
@Component("notifyObjector")
class NotifyObjector implements TaskListener {

    private final MailNotifier mail;

    NotifyObjector(MailNotifier mail) {
        this.mail = mail;
    }

    @Override
    public void notify(DelegateTask task) {
        String email = NominationContract.OBJECTOR_EMAIL.get(task);
        if (email == null) {
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("objectorName", NominationContract.OBJECTOR_NAME.get(task));
        model.put("receipt", NominationContract.OBJECTION_RECEIPT.get(task));
        model.put("unitName", NominationContract.UNIT_NAME.get(task));
        model.put("campaignName", NominationContract.CAMPAIGN_NAME.get(task));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            mail.send(email, "【民族团结进步创建】公示异议已受理（回执号 " + model.get("receipt") + "）",
                    "objection-received", model);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            ObjectionVerdict verdict = NominationContract.OBJECTION_UPHELD.require(task);
            model.put("verdict", verdict.label());
            model.put("reply", NominationContract.OBJECTION_REPLY.get(task));
            mail.send(email, "【民族团结进步创建】公示异议核实结果（回执号 " + model.get("receipt") + "）",
                    "objection-answered", model);
        }
    }
}
