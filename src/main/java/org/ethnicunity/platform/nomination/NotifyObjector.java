package org.ethnicunity.platform.nomination;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ethnicunity.platform.mail.MailNotifier;
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
        Object email = task.getVariable("objectorEmail");
        if (ApplicationForm.blank(email)) {
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("objectorName", task.getVariable("objectorName"));
        model.put("receipt", task.getVariable("objectionReceipt"));
        model.put("unitName", task.getVariable("unitName"));
        model.put("campaignName", task.getVariable("campaignName"));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            mail.send(email.toString(), "【民族团结进步创建】公示异议已受理（回执号 " + model.get("receipt") + "）",
                    "objection-received", model);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            model.put("upheld", "UPHELD".equals(task.getVariable("objectionUpheld")));
            model.put("reply", task.getVariable("objectionReply"));
            mail.send(email.toString(), "【民族团结进步创建】公示异议核实结果（回执号 " + model.get("receipt") + "）",
                    "objection-answered", model);
        }
    }
}
