package org.ethnicunity.platform.indicators;

import org.ethnicunity.platform.contract.Subject;
import static org.ethnicunity.platform.contract.SiteAssessment.VETOED;
import static org.ethnicunity.platform.contract.SiteAssessment.SITE_TOTAL;
import static org.ethnicunity.platform.contract.SiteAssessment.PASS_LINE;
import static org.ethnicunity.platform.contract.SiteAssessment.ASSESSMENT_SUMMARY;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Combines the assessors' sheets: the score of a category is the mean of the assessors' scores,
 * the total is the sum of those means, and one assessor's veto vetoes the application. The grade
 * itself comes from the decision table that follows in the model (nomination and re-inspection alike).
 */
@Component("combineSiteAssessments")
public class CombineSiteAssessments implements JavaDelegate {

    private final IndicatorSetRepository indicatorSets;
    private final SiteAssessmentRepository assessments;

    CombineSiteAssessments(IndicatorSetRepository indicatorSets, SiteAssessmentRepository assessments) {
        this.indicatorSets = indicatorSets;
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IndicatorSet set = indicatorSets.require(Subject.INDICATOR_SET_ID.require(execution));
        List<SiteAssessmentRepository.SiteAssessment> sheets = assessments.find(execution.getProcessInstanceId());
        if (sheets.isEmpty()) {
            throw new IllegalStateException("No site assessment recorded for " + execution.getProcessInstanceId());
        }
        BigDecimal count = BigDecimal.valueOf(sheets.size());
        BigDecimal total = set.categories().stream()
                .map(c -> sheets.stream().map(s -> s.scores().get(c.code())).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(count, 2, RoundingMode.HALF_UP))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(1, RoundingMode.HALF_UP);
        Set<String> vetoCodes = new LinkedHashSet<>();
        sheets.forEach(s -> vetoCodes.addAll(s.vetoes()));
        String vetoNames = set.vetoItems().stream().filter(v -> vetoCodes.contains(v.code()))
                .map(IndicatorSet.VetoItem::name).collect(Collectors.joining("、"));

        SITE_TOTAL.set(execution, total.doubleValue());
        PASS_LINE.set(execution, set.passLine().doubleValue());
        VETOED.set(execution, !vetoCodes.isEmpty());
        ASSESSMENT_SUMMARY.set(execution, "测评专家 " + sheets.size() + " 人（"
                + sheets.stream().map(s -> s.assessor() + " " + s.total().stripTrailingZeros().toPlainString() + " 分")
                .collect(Collectors.joining("，")) + "），平均总分 " + total.toPlainString() + " 分，合格线 "
                + set.passLine().stripTrailingZeros().toPlainString() + " 分"
                + (vetoCodes.isEmpty() ? "" : "；触发一票否决项：" + vetoNames));
    }
}
