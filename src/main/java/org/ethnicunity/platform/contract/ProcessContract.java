package org.ethnicunity.platform.contract;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of one or more process models, named once with their types and their options. Each
 * lifecycle package has one implementation (e.g. {@code ExitContract}) whose {@code public static final}
 * {@link Variable} fields are what delegates, form checks, mails, pages and tests use instead of
 * strings; a variable shared by several processes (a unit's id and name, the region code) is taken
 * from {@link Subject} so it has one name and one type everywhere. {@code ContractTest} holds
 * {@code forms/}, {@code bpmn/} and the DMN tables to the contracts.
 *
 * <p>An implementation needs a public no-argument constructor (the test finds it by its type).
 */
public interface ProcessContract {

    /** The keys of the process models ({@code bpmn:process id}) whose variables this contract names. */
    List<String> processKeys();

    /** Every variable of the contract: its public static {@link Variable} fields, in declaration order. */
    default Map<String, Variable<?>> variables() {
        Map<String, Variable<?>> variables = new LinkedHashMap<>();
        for (Field field : getClass().getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Variable.class.isAssignableFrom(field.getType())) {
                try {
                    Variable<?> variable = (Variable<?>) field.get(null);
                    Variable<?> earlier = variables.putIfAbsent(variable.name(), variable);
                    if (earlier != null && earlier != variable) {
                        throw new IllegalStateException(getClass().getSimpleName() + " names '" + variable.name() + "' twice");
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return variables;
    }

    /** The variables that take one of a fixed set of options. */
    default List<Variable<?>> choices() {
        List<Variable<?>> choices = new ArrayList<>();
        variables().values().forEach(variable -> {
            if (variable.options() != null) {
                choices.add(variable);
            }
        });
        return choices;
    }
}
