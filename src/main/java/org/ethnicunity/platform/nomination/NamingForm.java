package org.ethnicunity.platform.nomination;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.forms.FormCheck;
import org.springframework.stereotype.Component;

/**
 * The one-at-a-time naming form of the earlier model version (instances still open may complete it):
 * a document number (文号) is what makes the title official.
 */
@Component
class NamingForm implements FormCheck {

    @Override
    public Set<String> formIds() {
        return Set.of("nomination-naming");
    }

    @Override
    public void check(String formId, DelegateTask task) {
        if (NominationContract.DOCUMENT_NUMBER.get(task) == null) {
            throw new RuleViolation(NominationContract.DOCUMENT_NUMBER.name(), "请填写「命名文号」，例如 奈民创办发〔2026〕5号");
        }
        // Read to refuse anything but yes or no now rather than when the unit is named.
        NominationContract.RECOMMEND_NEXT_LEVEL.get(task);
    }
}
