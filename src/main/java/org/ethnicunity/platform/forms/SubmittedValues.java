package org.ethnicunity.platform.forms;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ethnicunity.platform.engine.RuleViolation;

/**
 * The checks every form's {@link FormCheck} repeats: a choice among the form's options, a text that
 * must be filled in and not run on for ever. The messages name the field as the form labels it.
 */
public final class SubmittedValues {

    /** Longer than any real report; keeps a pasted book out of the database. */
    public static final int TEXT_MAX = 20_000;

    private SubmittedValues() {
    }

    /**
     * The options of a choice field in the form's order, code then Chinese label (Map.of would list
     * them in an order that changes from one JVM to the next, and messages name them).
     */
    public static Map<String, String> options(String... codesAndLabels) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            options.put(codesAndLabels[i], codesAndLabels[i + 1]);
        }
        return options;
    }

    /** The chosen option's code; refused unless it is one of {@code options} (code → Chinese label). */
    public static String choice(DelegateTask task, String name, Map<String, String> options, String label) {
        Object value = task.getVariable(name);
        if (value == null || !options.containsKey(value.toString())) {
            throw new RuleViolation(name, "请选择「" + label + "」（" + String.join("、", options.values()) + "）"
                    + (value == null ? "" : "，收到的「" + value + "」不是有效选项"));
        }
        return value.toString();
    }

    /** The filled-in text, trimmed; refused when blank or longer than {@link #TEXT_MAX}. */
    public static String text(DelegateTask task, String name, String label) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation(name, "请填写「" + label + "」");
        }
        if (value.toString().length() > TEXT_MAX) {
            throw new RuleViolation(name, "「" + label + "」不能超过 " + TEXT_MAX + " 字");
        }
        return value.toString().trim();
    }
}
