package org.ethnicunity.platform.annualreview;

import java.util.Arrays;
import org.ethnicunity.platform.RuleViolation;

/** 年度评估等级, as the decision table bpmn/annual-review-grading.dmn gives them (output {@code grade}). */
enum AnnualGrade {
    EXCELLENT("优秀"), PASS("合格"), BASIC_PASS("基本合格"), FAIL("不合格");

    private final String label;

    AnnualGrade(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean failing() {
        return this == FAIL;
    }

    /**
     * The grade the decision table gave. An edited table with another output is a broken deployment:
     * the reviewer's completion is refused with a message for the administrator, nothing is recorded.
     */
    static AnnualGrade fromDecision(Object code) {
        return Arrays.stream(values()).filter(g -> g.name().equals(code == null ? null : code.toString().trim()))
                .findFirst().orElseThrow(() -> new RuleViolation("grade", "年度评估定级表（annual-review-grading.dmn）给出的等级「"
                        + code + "」无效，应为 EXCELLENT、PASS、BASIC_PASS 或 FAIL，请联系管理员检查决策表 / invalid grade from the decision table"));
    }
}
