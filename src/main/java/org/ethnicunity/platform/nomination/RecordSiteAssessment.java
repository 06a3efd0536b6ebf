package org.ethnicunity.platform.nomination;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ethnicunity.platform.RuleViolation;
import org.ethnicunity.platform.indicators.IndicatorSet;
import org.ethnicunity.platform.indicators.Scores;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/**
 * Checks one assessor's score sheet against the indicator set and records it. Each assessor scores
 * an application once: a second sheet by the same person is refused, so the parallel assessments
 * really are by several people.
 */
@Component("recordSiteAssessment")
class RecordSiteAssessment implements TaskListener {

    private final ApplicationForm form;
    private final SiteAssessmentRepository assessments;

    RecordSiteAssessment(ApplicationForm form, SiteAssessmentRepository assessments) {
        this.form = form;
        this.assessments = assessments;
    }

    @Override
    public void notify(DelegateTask task) {
        IndicatorSet set = form.indicatorSet(((Number) task.getVariable("indicatorSetId")).longValue());
        Map<String, BigDecimal> scores = Scores.read(set, PrepareScoreSheet.SITE_SCORE, task::getVariable);
        List<String> vetoes = set.vetoItems().stream()
                .filter(v -> isChecked(task.getVariable(PrepareScoreSheet.VETO + v.code())))
                .map(IndicatorSet.VetoItem::code).toList();
        Object comment = task.getVariable("assessmentComment");
        if (ApplicationForm.blank(comment)) {
            throw new RuleViolation("assessmentComment", "请填写「测评意见」");
        }
        String assessor = task.getAssignee() != null ? task.getAssignee() : Actors.current();
        boolean first = assessments.insert(NominationMails.designationId(task.getExecution()),
                task.getProcessInstanceId(), new SiteAssessmentRepository.SiteAssessment(assessor, scores, vetoes,
                        Scores.total(scores), comment.toString()));
        if (!first) {
            throw new RuleViolation("assessor", "您（" + assessor + "）已为本申报提交过测评分数，其余测评须由其他测评专家完成");
        }
    }

    private static boolean isChecked(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value == null || value.toString().isBlank() || "false".equalsIgnoreCase(value.toString())) {
            return false;
        }
        if ("true".equalsIgnoreCase(value.toString())) {
            return true;
        }
        throw new RuleViolation("veto", "一票否决项只能是 true 或 false，收到的是「" + value + "」");
    }
}
