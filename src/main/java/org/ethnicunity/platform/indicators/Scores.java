package org.ethnicunity.platform.indicators;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.ethnicunity.platform.RuleViolation;

/**
 * Reads the per-category scores of a form (variables named prefix + category code) against an
 * indicator set: every category required, each within 0..max.
 */
public final class Scores {

    private Scores() {
    }

    public static Map<String, BigDecimal> read(IndicatorSet set, String prefix, Function<String, Object> variables) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        for (IndicatorSet.Category c : set.categories()) {
            String field = prefix + c.code();
            Object raw = variables.apply(field);
            BigDecimal value = number(field, c.name(), raw);
            if (value.signum() < 0 || value.compareTo(c.maxPoints()) > 0) {
                throw new RuleViolation(field, "「" + c.name() + "」的分数 " + value.stripTrailingZeros().toPlainString()
                        + " 超出范围，应在 0 到 " + c.maxPoints().stripTrailingZeros().toPlainString() + " 分之间");
            }
            scores.put(c.code(), value);
        }
        return scores;
    }

    public static BigDecimal total(Map<String, BigDecimal> scores) {
        return scores.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal number(String field, String label, Object raw) {
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            throw new RuleViolation(field, "请填写「" + label + "」的分数");
        }
        if (raw instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        try {
            return new BigDecimal(raw.toString().trim());
        } catch (NumberFormatException e) {
            throw new RuleViolation(field, "「" + label + "」的分数必须是数字，收到的是「" + raw + "」");
        }
    }
}
