package org.ethnicunity.platform.reinspection;

import static org.ethnicunity.platform.reinspection.ReinspectionContract.GRADING;
import static org.ethnicunity.platform.reinspection.ReinspectionContract.SITE_GRADE;
import static org.ethnicunity.platform.reinspection.ReinspectionContract.SITE_PASSED;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Copies the grading table's single result ({@code grading}: its outputs {@code grade} and
 * {@code passed}) into the variables the gateway, the mails and the forms read. A table edited
 * without one of the outputs fails here, by name, rather than at the gateway.
 */
@Component("recordReinspectionGrade")
class RecordGrade implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        Map<?, ?> grading = GRADING.require(execution);
        if (!grading.containsKey("grade") || !grading.containsKey("passed")) {
            throw new IllegalStateException("The decision table reinspectionGrading must output grade and passed, gave " + grading.keySet());
        }
        SITE_GRADE.set(execution, SITE_GRADE.read(grading.get("grade")));
        SITE_PASSED.set(execution, SITE_PASSED.read(grading.get("passed")));
    }
}
