package org.ethnicunity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * A unit's contact reads of its task's variables what the task's form shows (its fields, and the names
 * its texts and conditions use), on every REST read: {@code variables}, {@code localVariables},
 * {@code form-variables} and a single variable by name. Called by the tests that reach each unit task.
 */
public final class UnitTaskReads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private UnitTaskReads() {
    }

    /**
     * @param neverShown names the unit must not see on this task even if the form mentioned them
     * @return how many of the instance's variables the unit no longer sees
     */
    public static int assertSeesOnlyItsForm(ProcessEngine engine, RestClient rest, Task task, String user, String password,
                                           String... neverShown) {
        String formRef = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey()).getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
        Set<String> shown = shown(formRef);
        Set<String> all = new TreeSet<>(engine.getRuntimeService().getVariables(task.getProcessInstanceId()).keySet());
        all.addAll(engine.getTaskService().getVariablesLocal(task.getId()).keySet());
        for (String read : new String[] {"variables", "localVariables", "form-variables"}) {
            RestClient.Response response = rest.get(user, password, "/engine-rest/task/" + task.getId() + "/" + read);
            assertThat(response.status()).as(read + ": " + response.raw()).isEqualTo(200);
            Set<String> seen = new TreeSet<>();
            response.body().fieldNames().forEachRemaining(seen::add);
            assertThat(seen).as(formRef + " " + read + " of " + user).isSubsetOf(shown);
            if (neverShown.length > 0) {
                assertThat(seen).as(formRef + " " + read + " of " + user).doesNotContain(neverShown);
            }
        }
        Set<String> hidden = new TreeSet<>(all);
        hidden.removeAll(shown);
        for (String name : hidden) {
            RestClient.Response one = rest.get(user, password, "/engine-rest/task/" + task.getId() + "/variables/" + name);
            assertThat(one.status()).as(formRef + ": " + name + " read alone").isEqualTo(404);
        }
        for (String name : neverShown) {
            assertThat(rest.get(user, password, "/engine-rest/task/" + task.getId() + "/variables/" + name).status())
                    .as(name).isEqualTo(404);
        }
        System.out.println("UnitTaskReads " + formRef + ": instance variables " + all.size() + ", hidden from the unit "
                + hidden.size() + " " + hidden);
        return hidden.size();
    }

    /** The form's field keys and the names its templates ({{…}}) and expressions (=…) use. */
    static Set<String> shown(String formRef) {
        Set<String> names = new TreeSet<>();
        try {
            collect(JSON.readTree(Path.of("forms", formRef + ".form").toFile()), names);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
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
