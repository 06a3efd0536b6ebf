package org.ethnicunity.platform.contract;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.engine.SubmittedValueCheck;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;

/**
 * Every submitted value must be one its process's contract {@link Variable} accepts: the engine's guard
 * asks here, so a text sent as a number, an object in a text field, NaN in a score or a text over its
 * maximum is refused (400, in Chinese) before anything is stored. The contracts are found on the class
 * path like {@code ContractTest} finds them: each lifecycle's {@link ProcessContract}, which this
 * package may not name.
 */
@Component
class ContractValueCheck implements SubmittedValueCheck {

    /** The kinds a person's form gives; anything else is a value the platform keeps itself ({@link Variable#internal}). */
    private static final Set<Class<?>> FORM_TYPES = Set.of(String.class, Long.class, Integer.class, Double.class,
            Boolean.class, LocalDate.class, Date.class);

    private final Map<String, Map<String, Variable<?>>> byProcess;

    ContractValueCheck() {
        this(scan());
    }

    ContractValueCheck(Collection<ProcessContract> contracts) {
        Map<String, Map<String, Variable<?>>> found = new HashMap<>();
        for (ProcessContract contract : contracts) {
            contract.processKeys().forEach(key -> found.put(key, contract.variables()));
        }
        this.byProcess = Map.copyOf(found);
    }

    @Override
    public void check(String processKey, String name, Object value) {
        Variable<?> variable = byProcess.getOrDefault(processKey, Map.of()).get(name);
        boolean internal = variable != null && !FORM_TYPES.contains(variable.type()) && !variable.type().isEnum();
        if (value instanceof SubmittedObject || value instanceof Map || value instanceof Collection) {
            if (!internal) {
                String label = variable == null ? name : variable.label();
                throw new RuleViolation(name, "「" + label + "」不接受对象或列表，请按表单填写");
            }
            return;
        }
        if (variable == null || value == null) {
            return;
        }
        if (value instanceof String text && readerParses(variable, text)) {
            return;
        }
        variable.read(value);
    }

    /**
     * A text is what a form sends for most fields: for a score, a flag, a day or an option the form's
     * reader (its {@code FormCheck} or the start delegate) parses it through the same {@link Variable}
     * with words of its own (「…的分数必须是数字」, which options a person may choose), so it is left to
     * it; only a number that is no number (NaN, Infinity) is refused here. Texts and ids are read here.
     */
    private static boolean readerParses(Variable<?> variable, String text) {
        Class<?> type = variable.type();
        if (type == Double.class || type == Integer.class) {
            String number = text.trim().toLowerCase(java.util.Locale.ROOT);
            return !(number.contains("nan") || number.contains("infinity"));
        }
        return type == Boolean.class || type == LocalDate.class || type.isEnum();
    }

    private static Collection<ProcessContract> scan() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ProcessContract.class));
        return scanner.findCandidateComponents("org.ethnicunity.platform").stream().map(ContractValueCheck::instance).toList();
    }

    private static ProcessContract instance(BeanDefinition definition) {
        try {
            return (ProcessContract) Class.forName(definition.getBeanClassName(), true, ContractValueCheck.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(definition.getBeanClassName() + " needs a public constructor without arguments", e);
        }
    }
}
