package org.ethnicunity.platform.nomination;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ethnicunity.platform.mail.MailNotifier;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.registry.Unit;
import org.springframework.stereotype.Component;

/** The notices the nomination sends to the applicant unit's contact. */
@Component
class NominationMails {

    private final MailNotifier mail;
    private final RegistryService registry;

    NominationMails(MailNotifier mail, RegistryService registry) {
        this.mail = mail;
        this.registry = registry;
    }

    void returned(DelegateExecution execution, Stage stage, String reason, String taskId) {
        Map<String, Object> model = common(execution);
        model.put("stageLabel", stage.label());
        model.put("reason", reason);
        model.put("link", mail.settings().taskUrl(taskId));
        send(execution, "【民族团结进步创建】申报材料退回补充：" + model.get("unitName"), "application-returned", model);
    }

    void declined(DelegateExecution execution, Stage stage, String reason) {
        Map<String, Object> model = common(execution);
        model.put("stageLabel", stage.label());
        model.put("reason", reason);
        model.put("link", mail.settings().designationUrl(NominationContract.DESIGNATION_ID.require(execution)));
        send(execution, "【民族团结进步创建】申报未通过：" + model.get("unitName"), "application-declined", model);
    }

    void named(DelegateExecution execution, Designation designation) {
        Map<String, Object> model = common(execution);
        model.put("documentNumber", designation.documentNumber());
        model.put("namedDate", designation.namedDate());
        model.put("expiryDate", designation.expiryDate());
        model.put("recommended", designation.recommended());
        model.put("link", mail.settings().designationUrl(designation.id()));
        send(execution, "【民族团结进步创建】命名通知：" + model.get("unitName"), "unit-named", model);
    }

    private void send(DelegateExecution execution, String subject, String template, Map<String, Object> model) {
        Unit unit = registry.unit(NominationContract.UNIT_ID.require(execution));
        mail.send(unit.contactEmail(), subject, template, model);
    }

    private Map<String, Object> common(DelegateExecution execution) {
        Unit unit = registry.unit(NominationContract.UNIT_ID.require(execution));
        Map<String, Object> model = new HashMap<>();
        model.put("contactName", unit.contactName());
        model.put("unitName", unit.name());
        model.put("campaignName", NominationContract.CAMPAIGN_NAME.get(execution));
        model.put("levelLabel", NominationContract.LEVEL_LABEL.get(execution));
        return model;
    }
}
