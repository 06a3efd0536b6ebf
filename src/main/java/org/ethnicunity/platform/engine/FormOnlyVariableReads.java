package org.ethnicunity.platform.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A unit's contact reads of a task's variables what the task's form shows (its fields, and the
 * variables its texts and conditions name, e.g. the attachments link), nothing else: every variable of
 * the instance is otherwise readable by whoever may read the task, complainants and objectors included.
 * Covers {@code /task/{id}/variables}, {@code /localVariables}, {@code /form-variables} and a single
 * variable (on both REST doors, and Tasklist reads through them); a variable the form does not show
 * answers as one that does not exist. Variable-instance queries are closed to non-administrators
 * ({@code security/EngineApiRules}). Only the caller's own, outermost reads are filtered: the platform's
 * code running inside a command reads everything.
 */
class FormOnlyVariableReads extends CommandInterceptor {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Names in a form's templates ({{attachmentsLink}}) and FEEL expressions (=returnReason = null). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Supplier<IdentityService> identity;
    private final Supplier<FormService> forms;
    private final Supplier<FormVariableReaders> readers;

    FormOnlyVariableReads(Supplier<IdentityService> identity, Supplier<FormService> forms, Supplier<FormVariableReaders> readers) {
        this.identity = identity;
        this.forms = forms;
        this.readers = readers;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (!isTaskVariableRead(command) || Context.getCommandContext() != null) {
            return next.execute(command);
        }
        Caller caller = Caller.current(identity.get());
        if (caller == null || caller.isAdministrator() || !readers.get().formOnly(caller)) {
            return next.execute(command);
        }
        String taskId = command instanceof GetTaskFormVariablesCmd ? CommandFields.read(command, "resourceId")
                : CommandFields.read(command, "taskId");
        T result = next.execute(command);
        Set<String> shown = shown(taskId);
        if (result instanceof VariableMap variables) {
            VariableMap filtered = Variables.createVariables();
            for (String name : variables.keySet()) {
                if (shown.contains(name)) {
                    filtered.putValueTyped(name, variables.getValueTyped(name));
                }
            }
            @SuppressWarnings("unchecked")
            T answer = (T) filtered;
            return answer;
        }
        String name = CommandFields.read(command, "variableName");
        return shown.contains(name) ? result : null;
    }

    private static boolean isTaskVariableRead(Command<?> command) {
        return command instanceof GetTaskVariablesCmd || command instanceof GetTaskFormVariablesCmd
                || command instanceof GetTaskVariableCmd || command instanceof GetTaskVariableCmdTyped;
    }

    /** The names the task's Camunda Form binds or mentions; none when the form cannot be read. */
    private Set<String> shown(String taskId) {
        Set<String> names = new TreeSet<>();
        try (InputStream form = forms.get().getDeployedTaskForm(taskId)) {
            collect(JSON.readTree(form), names);
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
        return names;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            for (String reference : new String[] {"key", "path", "valuesKey"}) {
                if (node.path(reference).isTextual()) {
                    names.add(node.get(reference).asText());
                }
            }
            node.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if (value.isTextual() && (value.asText().startsWith("=") || value.asText().contains("{{"))) {
                    Matcher name = NAME.matcher(value.asText());
                    while (name.find()) {
                        names.add(name.group());
                    }
                } else if (value.isContainerNode()) {
                    collect(value, names);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, names));
        }
    }
}
