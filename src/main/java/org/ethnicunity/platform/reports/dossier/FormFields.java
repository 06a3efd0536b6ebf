package org.ethnicunity.platform.reports.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What a person filled in on each Camunda form (forms/*.form): the enabled fields with their Chinese
 * labels and the labels of their options. The dossier shows a step's submitted values under these
 * labels, and only these: variables a form merely displays, or that the platform set, stay out.
 */
@Component
class FormFields {

    /** One field a person fills in: key, label, and the label of each option value (radio, select). */
    record Field(String key, String label, Map<String, String> options) {

        String display(Object value) {
            if (value instanceof Boolean b) {
                return b ? "是" : "否";
            }
            String text = String.valueOf(value);
            return options.getOrDefault(text, text);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<Field>> byForm = new HashMap<>();

    FormFields() throws IOException {
        for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            try (InputStream in = form.getInputStream()) {
                JsonNode root = JSON.readTree(in);
                List<Field> fields = new ArrayList<>();
                collect(root.path("components"), fields);
                byForm.put(root.path("id").asText(), List.copyOf(fields));
            } catch (IOException e) {
                throw new UncheckedIOException("表单无法读取 / unreadable form " + form, e);
            }
        }
    }

    /** The fields a person fills in on the form with this id; empty for an unknown form. */
    List<Field> of(String formId) {
        return formId == null ? List.of() : byForm.getOrDefault(formId, List.of());
    }

    private static void collect(JsonNode components, List<Field> fields) {
        for (JsonNode c : components) {
            if (c.has("key") && !c.path("disabled").asBoolean() && !c.path("readonly").asBoolean()) {
                Map<String, String> options = new LinkedHashMap<>();
                c.path("values").forEach(v -> options.put(v.path("value").asText(), v.path("label").asText()));
                fields.add(new Field(c.get("key").asText(), c.path("label").asText(c.get("key").asText()), options));
            }
            collect(c.path("components"), fields);
        }
    }
}
