package org.ethnicunity.platform.indicators;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ethnicunity.platform.engine.RuleViolation;

/**
 * Reads the per-category scores of a form (variables named prefix + category code) against an
 * indicator set: every category required, each within 0..max; and its veto-item checkboxes.
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

    /** The codes of the set's veto items whose checkbox (prefix + code) is ticked; anything but true/false is refused. */
    public static List<String> vetoes(IndicatorSet set, String prefix, Function<String, Object> variables) {
        return set.vetoItems().stream().filter(v -> isChecked(variables.apply(prefix + v.code())))
                .map(IndicatorSet.VetoItem::code).toList();
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
