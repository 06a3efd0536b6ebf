package org.ethnicunity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * A unit's contact reads of its task's variables what the task's form shows (its fields, and the names
 * its texts and conditions use), on every REST read: {@code variables}, {@code localVariables},
 * {@code form-variables} and a single variable by name. Called by the tests that reach each unit task.
 */
public final class UnitTaskReads {

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
        Set<String> all = new TreeSet<>(engine.getRuntimeService().getVariables(task.getProcessInstanceId()).keySet());
        all.addAll(engine.getTaskService().getVariablesLocal(task.getId()).keySet());
        Set<String> shown = mentioned(formRef, all);
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
        return hidden.size();
    }

    /**
     * The variable names the form's file mentions as a word anywhere (a field's key, a text's template, a
     * condition). Deliberately simpler than the filter's reading of the form, so a mistake in the filter's
     * parsing does not also pass here: a variable the unit sees must at least be named in its form.
     */
    static Set<String> mentioned(String formRef, Set<String> candidates) {
        String text;
        try {
            text = Files.readString(Path.of("forms", formRef + ".form"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Set<String> names = new TreeSet<>();
        for (String candidate : candidates) {
            if (Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(candidate) + "(?![A-Za-z0-9_])").matcher(text).find()) {
                names.add(candidate);
            }
        }
        return names;
    }
}
