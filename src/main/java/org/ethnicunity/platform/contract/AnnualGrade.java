package org.ethnicunity.platform.contract;

import java.util.Arrays;
import org.ethnicunity.platform.engine.RuleViolation;

/**
 * 年度评估等级, as the decision table bpmn/annual-review-grading.dmn gives them (variable {@code grade},
 * column registry.annual_review.grade). Here, not in {@code annualreview}, because the registry's
 * pages, the dossier and the statistics name grades too, and may not depend on a lifecycle.
 */
public enum AnnualGrade implements Option {
    EXCELLENT("优秀"), PASS("合格"), BASIC_PASS("基本合格"), FAIL("不合格");

    private final String label;

    AnnualGrade(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean failing() {
        return this == FAIL;
    }

    /**
     * The grade the decision table gave. An edited table with another output is a broken deployment:
     * the reviewer's completion is refused with a message for the administrator, nothing is recorded.
     */
    public static AnnualGrade fromDecision(String code) {
        return Arrays.stream(values()).filter(g -> g.name().equals(code == null ? null : code.trim()))
                .findFirst().orElseThrow(() -> new RuleViolation("grade", "年度评估定级表（annual-review-grading.dmn）给出的等级「"
                        + code + "」无效，应为 EXCELLENT、PASS、BASIC_PASS 或 FAIL，请联系管理员检查决策表 / invalid grade from the decision table"));
    }
}
