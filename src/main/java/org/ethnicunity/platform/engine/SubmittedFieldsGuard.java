package org.ethnicunity.platform.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;


/**
 * A person completing a task may set only the fields of that task's form, and a person starting an
 * instance only the start form's fields (plus the configured API variables). Without this, anyone
 * allowed to complete a task could send {@code designationId} or {@code campaignRegionCode} over
 * REST and redirect the process; Tasklist itself never sends more than the form's enabled fields.
 * Each submitted value must also be one the process's variable takes ({@link SubmittedValueCheck}, answered
 * by the process contracts): a text sent as a number, an object, a Java-serialized value, NaN or a text
 * over its maximum is refused (400, in Chinese) before the engine stores anything. Applies to
 * authenticated callers only: the platform's own code is trusted.
 */
class SubmittedFieldsGuard extends CommandInterceptor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<IdentityService> identity;
    private final Supplier<FormService> forms;
    private final Supplier<RepositoryService> repository;
    private final Set<String> startVariables;
    private final Supplier<TaskService> tasks;
    private final Supplier<SubmittedValueCheck> values;

    /**
     * @param startVariables variables an API caller may pass when starting an instance besides the
     *                       start form's fields (e.g. {@code unitId} for a contact of several units)
     */
    SubmittedFieldsGuard(Supplier<IdentityService> identity, Supplier<FormService> forms,
                         Supplier<RepositoryService> repository, Set<String> startVariables,
                         Supplier<TaskService> tasks, Supplier<SubmittedValueCheck> values) {
        this.identity = identity;
        this.forms = forms;
        this.repository = repository;
        this.startVariables = startVariables;
        this.tasks = tasks;
        this.values = values;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (identity.get().getCurrentAuthentication() == null) {
            return next.execute(command);
        }
        if (command instanceof SubmitStartFormCmd || command instanceof StartProcessInstanceCmd) {
            checkStart(command);
        } else if (isTaskWrite(command)) {
            Map<String, ?> submitted = field(command, command instanceof SubmitTaskFormCmd ? "properties" : "variables");
            String taskId = command instanceof AbstractSetVariableCmd ? field(command, "entityId") : field(command, "taskId");
            if (submitted != null && !submitted.isEmpty()) {
                Set<String> allowed = formFields(taskId);
                if (allowed == null) {
                    return next.execute(command);
                }
                Set<String> refused = new TreeSet<>(submitted.keySet());
                refused.removeAll(allowed);
                refuse(refused);
                checkValues(processKeyOfTask(taskId), submitted);
            }
        }
        return next.execute(command);
    }

    /** A start takes the start form's fields and the configured API variables, nothing else. */
    private void checkStart(Command<?> command) {
        String definitionId;
        Map<String, ?> submitted;
        if (command instanceof SubmitStartFormCmd) {
            definitionId = field(command, "processDefinitionId");
            submitted = field(command, "variables");
        } else {
            ProcessInstantiationBuilderImpl builder = field(command, "instantiationBuilder");
            definitionId = builder.getProcessDefinitionId() != null ? builder.getProcessDefinitionId()
                    : latestDefinitionId(builder.getProcessDefinitionKey());
            submitted = builder.getVariables();
        }
        if (definitionId == null || submitted == null || submitted.isEmpty()) {
            return;
        }
        Set<String> allowed;
        try (InputStream form = forms.get().getDeployedStartForm(definitionId)) {
            allowed = new TreeSet<>(startVariables);
            collectKeys(JSON.readTree(form), allowed);
        } catch (IOException | RuntimeException e) {
            return; // no Camunda start form, or not visible: nothing to compare with; the command reports the rest
        }
        Set<String> refused = new TreeSet<>(submitted.keySet());
        refused.removeAll(allowed);
        refuse(refused);
        checkValues(keyOf(definitionId), submitted);
    }

    /** Each submitted value as the process's contract takes it; refused in Chinese otherwise. */
    private void checkValues(String processKey, Map<String, ?> submitted) {
        SubmittedValueCheck check = values.get();
        for (String name : submitted.keySet()) {
            Object value = plain(name, submitted);
            if (processKey != null) {
                check.check(processKey, name, value);
            }
        }
    }

    /**
     * The value as a reader gets it. A Java-serialized object is refused whatever the field (the engine
     * would refuse it with an internal message); another serialized object (JSON, XML) is handed on as a
     * {@link SubmittedValueCheck.SubmittedObject}; a number that is not finite is refused here.
     */
    private static Object plain(String name, Map<String, ?> submitted) {
        Object raw = submitted instanceof VariableMap map ? map.getValueTyped(name) : submitted.get(name);
        Object value = raw;
        if (raw instanceof SerializableValue serializable) {
            String format = serializable.getSerializationDataFormat();
            if (format != null && format.contains("java-serialized")) {
                throw new RuleViolation(name, "不接受 Java 序列化对象（字段 " + name + "），请按表单填写");
            }
            return new SubmittedValueCheck.SubmittedObject(format, serializable.getType() == null ? null : serializable.getType().getName());
        }
        if (raw instanceof TypedValue typed) {
            value = typed.getValue();
        }
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            throw new RuleViolation(name, "字段 " + name + " 须为有限的数字，收到的「" + value + "」不是");
        }
        return value;
    }

    /** The process key of the task's definition; null when the task cannot be read (the command reports that). */
    private String processKeyOfTask(String taskId) {
        try {
            Task task = tasks.get().createTaskQuery().taskId(taskId).singleResult();
            return task == null ? null : keyOf(task.getProcessDefinitionId());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A definition id is "key:version:id" unless the key is long; else the definition is asked. */
    private String keyOf(String definitionId) {
        if (definitionId == null) {
            return null;
        }
        String[] parts = definitionId.split(":");
        if (parts.length == 3) {
            return parts[0];
        }
        try {
            var definition = repository.get().createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult();
            return definition == null ? null : definition.getKey();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String latestDefinitionId(String key) {
        if (key == null) {
            return null;
        }
        var definition = repository.get().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
        return definition == null ? null : definition.getId();
    }

    private static void refuse(Set<String> refused) {
        if (!refused.isEmpty()) {
            throw new RuleViolation("fields", "表单中没有这些字段，不能提交：" + String.join("、", refused)
                    + " / fields not on this form");
        }
    }

    private static boolean isTaskWrite(Command<?> command) {
        return command instanceof SubmitTaskFormCmd || command instanceof CompleteTaskCmd
                || command instanceof SetTaskVariablesCmd;
    }

    /**
     * The keys of the task's deployed Camunda Form; null when it cannot be read (no such task, no
     * Camunda Form, or no permission), so that the command itself reports that (404, 403, ...).
     */
    private Set<String> formFields(String taskId) {
        Set<String> keys = new TreeSet<>();
        try (InputStream form = forms.get().getDeployedTaskForm(taskId)) {
            collectKeys(JSON.readTree(form), keys);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return keys;
    }

    private static void collectKeys(JsonNode node, Set<String> keys) {
        if (node.has("key") && node.get("key").isTextual() && !node.path("disabled").asBoolean(false)) {
            keys.add(node.get("key").asText());
        }
        node.path("components").forEach(child -> collectKeys(child, keys));
    }

    private static <V> V field(Object command, String name) {
        return CommandFields.read(command, name);
    }
}
