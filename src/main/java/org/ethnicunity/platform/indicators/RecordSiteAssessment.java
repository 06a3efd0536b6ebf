package org.ethnicunity.platform.indicators;

import org.ethnicunity.platform.contract.Subject;
import org.ethnicunity.platform.contract.SiteAssessment;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/**
 * Checks one assessor's score sheet against the indicator set and records it. Each assessor scores
 * an assessment once: a second sheet by the same person is refused, so the parallel assessments
 * really are by several people. What is assessed ("申报", "次复核") is the instance's
 * {@code assessmentSubject}, for the refusal's wording.
 */
@Component("recordSiteAssessment")
public class RecordSiteAssessment implements TaskListener {

    private final IndicatorSetRepository indicatorSets;
    private final SiteAssessmentRepository assessments;

    RecordSiteAssessment(IndicatorSetRepository indicatorSets, SiteAssessmentRepository assessments) {
        this.indicatorSets = indicatorSets;
        this.assessments = assessments;
    }

    @Override
    public void notify(DelegateTask task) {
        IndicatorSet set = indicatorSets.require(Subject.INDICATOR_SET_ID.require(task));
        Map<String, BigDecimal> scores = Scores.read(set, SiteAssessment.SITE_SCORE_PREFIX, task::getVariable);
        List<String> vetoes = Scores.vetoes(set, SiteAssessment.VETO_PREFIX, task::getVariable);
        String comment = SiteAssessment.ASSESSMENT_COMMENT.require(task);
        String assessor = task.getAssignee() != null ? task.getAssignee() : Actors.current();
        boolean first = assessments.insert(Subject.DESIGNATION_ID.require(task),
                task.getProcessInstanceId(), new SiteAssessmentRepository.SiteAssessment(assessor, scores, vetoes,
                        Scores.total(scores), comment));
        if (!first) {
            String subject = SiteAssessment.ASSESSMENT_SUBJECT.get(task);
            throw new RuleViolation("assessor", "您（" + assessor + "）已为本" + (subject == null ? "申报" : subject)
                    + "提交过测评分数，其余测评须由其他测评专家完成");
        }
    }
}
