package org.ethnicunity.platform.reinspection;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.ethnicunity.platform.mail.MailNotifier;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.registry.Unit;
import org.springframework.stereotype.Component;

/** The notices the re-inspection sends to the unit's contact, each with the reasons. */
@Component
class ReinspectionMails {

    private static final String PREFIX = "【民族团结进步创建】";

    private final MailNotifier mail;
    private final RegistryService registry;

    ReinspectionMails(MailNotifier mail, RegistryService registry) {
        this.mail = mail;
        this.registry = registry;
    }

    /** The re-inspection has started: the self-inspection report is asked for. */
    void notice(VariableScope scope, String taskId) {
        Map<String, Object> model = common(scope);
        model.put("link", mail.settings().taskUrl(taskId));
        send(scope, PREFIX + "复核复检通知：" + model.get("unitName"), "reinspection-notice", model);
    }

    /** The title is kept, after the re-inspection or after rectification and the second check. */
    void retained(VariableScope scope, String basis) {
        Map<String, Object> model = common(scope);
        model.put("basis", basis);
        send(scope, PREFIX + "复核复检结果：保留称号：" + model.get("unitName"), "reinspection-retained", model);
    }

    /** 限期整改: the rectification report is asked for by the deadline. */
    void rectification(VariableScope scope, String taskId) {
        Map<String, Object> model = common(scope);
        model.put("link", mail.settings().taskUrl(taskId));
        send(scope, PREFIX + "限期整改通知：" + model.get("unitName"), "reinspection-rectification", model);
    }

    /** The check failed for good: the exit procedure follows. */
    void failed(VariableScope scope, String groundsDetail) {
        Map<String, Object> model = common(scope);
        model.put("groundsDetail", groundsDetail);
        send(scope, PREFIX + "复核复检不合格，转入退出程序：" + model.get("unitName"), "reinspection-failed", model);
    }

    private void send(VariableScope scope, String subject, String template, Map<String, Object> model) {
        mail.send(unit(scope).contactEmail(), subject, template, model);
    }

    private Map<String, Object> common(VariableScope scope) {
        Unit unit = unit(scope);
        Map<String, Object> model = new HashMap<>();
        for (String name : new String[] {"levelLabel", "documentNumber", "triggerLabel", "reinspectionReason",
                "siteGrade", "assessmentSummary", "rectificationDeadline", "rectificationReason", "secondCheckComment"}) {
            model.put(name, scope.getVariable(name));
        }
        model.put("contactName", unit.contactName());
        model.put("unitName", unit.name());
        model.put("designationLink", mail.settings().designationUrl(((Number) scope.getVariable("designationId")).longValue()));
        return model;
    }

    private Unit unit(VariableScope scope) {
        return registry.unit(((Number) scope.getVariable("unitId")).longValue());
    }
}
