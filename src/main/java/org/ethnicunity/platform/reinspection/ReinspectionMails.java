package org.ethnicunity.platform.reinspection;

import static org.ethnicunity.platform.reinspection.ReinspectionContract.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.ethnicunity.platform.contract.Variable;
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
        for (Variable<?> fact : List.of(LEVEL_LABEL, TRIGGER_LABEL, REINSPECTION_REASON, SITE_GRADE, ASSESSMENT_SUMMARY,
                RECTIFICATION_DEADLINE, RECTIFICATION_REASON, SECOND_CHECK_COMMENT)) {
            model.put(fact.name(), fact.get(scope));
        }
        // The templates' name for the naming document's number.
        model.put("documentNumber", NAMING_DOCUMENT_NUMBER.get(scope));
        model.put("contactName", unit.contactName());
        model.put("unitName", unit.name());
        model.put("designationLink", mail.settings().designationUrl(DESIGNATION_ID.require(scope)));
        return model;
    }

    private Unit unit(VariableScope scope) {
        return registry.unit(UNIT_ID.require(scope));
    }
}
