package org.ethnicunity.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.engine.SubmittedValueCheck.SubmittedObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile set against every field of every form of every process, as the engine's guard hands it to
 * {@link ContractValueCheck}: each value a field's variable must not take is refused with a message in
 * Chinese, never with an exception of another kind (which REST would answer with 500). What a form
 * sends itself (Tasklist's types for each field kind) passes. {@code HostileInputTest} sends the same
 * set over REST to the forms the fixtures reach.
 */
class SubmittedValueCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
    private static final Pattern PROCESS = Pattern.compile("<bpmn:process id=\"([^\"]+)\"(.*?)</bpmn:process>", Pattern.DOTALL);
    private static final ContractValueCheck CHECK = new ContractValueCheck();

    /** The values a person might send that no field of the variable's kind takes. */
    static Map<String, Object> hostile(Variable<?> variable) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("a JSON object", new SubmittedObject("application/json", "object"));
        set.put("a map", Map.of("a", 1));
        // A word for a score, a flag, a day or an option is the form reader's to refuse in its own words (FormCheck).
        set.put("a list", List.of(1, 2));
        Class<?> type = variable.type();
        if (type == String.class) {
            set.put("an Integer", 42);
            set.put("a Boolean", true);
            set.put("a text over the maximum", "字".repeat(Variable.TEXT_MAX + 1));
        } else if (type == Double.class || type == Integer.class) {
            set.put("NaN", "NaN");
            set.put("Infinity", "Infinity");
            set.put("-Infinity", "-Infinity");
        } else if (type == Long.class) {
            set.put("a word for an id", "abc");
            set.put("a negative id", -3L);
        } else if (type == Boolean.class) {
            set.put("a number for a flag", 3);
        } else if (type == LocalDate.class) {
            set.put("a number for a date", 20260615);
        } else if (type.isEnum()) {
            set.put("an Integer for an option", 7);
        }
        return set;
    }

    /** What Tasklist sends for a field of the variable's kind. */
    static Object typical(Variable<?> variable) {
        Class<?> type = variable.type();
        if (type == String.class) {
            return "文字";
        } else if (type == Double.class) {
            return 18.5;
        } else if (type == Integer.class) {
            return 18L;
        } else if (type == Long.class) {
            return 5L;
        } else if (type == Boolean.class) {
            return true;
        } else if (type == LocalDate.class) {
            return "2026-06-15";
        } else if (type == Date.class) {
            return new Date();
        } else if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        return null;
    }

    @TestFactory
    Stream<DynamicTest> everyFieldOfEveryFormRefusesTheHostileSetInChinese() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, List<String>> form : formsByProcess().entrySet()) {
            String processKey = form.getKey().split("/")[0];
            String formRef = form.getKey().split("/")[1];
            tests.add(DynamicTest.dynamicTest(form.getKey(), () -> {
                List<String> problems = new ArrayList<>();
                Map<String, Variable<?>> known = contracts().get(processKey);
                for (String field : form.getValue()) {
                    Variable<?> variable = known.get(field);
                    assertThat(variable).as(formRef + ": " + field + " is not in the contract (ContractTest)").isNotNull();
                    for (Map.Entry<String, Object> value : hostile(variable).entrySet()) {
                        try {
                            CHECK.check(processKey, field, value.getValue());
                            problems.add(field + " took " + value.getKey());
                        } catch (RuleViolation e) {
                            if (!e.getMessage().matches("(?s).*[\\u4e00-\\u9fff].*")) {
                                problems.add(field + ": " + value.getKey() + " refused without Chinese: " + e.getMessage());
                            }
                        } catch (RuntimeException e) {
                            problems.add(field + ": " + value.getKey() + " gave " + e);
                        }
                    }
                    Object sent = sentBy(FIELD_TYPES.getOrDefault(field, ""));
                    if (sent != null) {
                        try {
                            CHECK.check(processKey, field, sent);
                        } catch (RuntimeException e) {
                            problems.add(field + " (" + FIELD_TYPES.get(field) + ") refused what Tasklist sends (" + sent + "): " + e.getMessage());
                        }
                    }
                    Object typical = typical(variable);
                    try {
                        CHECK.check(processKey, field, typical);
                    } catch (RuntimeException e) {
                        problems.add(field + " refused what its form sends (" + typical + "): " + e.getMessage());
                    }
                }
                assertThat(problems).as(processKey + " / " + formRef).isEmpty();
            }));
        }
        return tests.stream();
    }

    @Test
    void blankAndMissingAreTheFormChecksBusiness() {
        CHECK.check("exit", "exitGroundsDetail", null);
        CHECK.check("exit", "exitGroundsDetail", "  ");
        CHECK.check("exit", "designationId", "");
    }

    @Test
    void aVariableNoContractKnowsTakesNoObjects() {
        CHECK.check("exit", "somethingElse", "文字");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CHECK.check("exit", "somethingElse", Map.of("a", 1)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不接受对象");
    }

    /** "processKey/formRef" to the form's submitted field keys (enabled fields with a key), from bpmn/ and forms/. */
    static Map<String, List<String>> formsByProcess() throws Exception {
        Map<String, List<String>> forms = new TreeMap<>();
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher process = PROCESS.matcher(Files.readString(model));
                while (process.find()) {
                    Matcher ref = FORM_REF.matcher(process.group(2));
                    while (ref.find()) {
                        List<String> keys = new ArrayList<>();
                        collect(JSON.readTree(Path.of("forms", ref.group(1) + ".form").toFile()), keys, FIELD_TYPES);
                        forms.put(process.group(1) + "/" + ref.group(1), keys);
                    }
                }
            }
        }
        return forms;
    }

    private static void collect(JsonNode node, List<String> keys, Map<String, String> types) {
        if (node.has("key") && node.get("key").isTextual() && !node.path("disabled").asBoolean(false)) {
            keys.add(node.get("key").asText());
            types.put(node.get("key").asText(), node.path("type").asText());
        }
        node.path("components").forEach(child -> collect(child, keys, types));
    }

    /** Field key to its form component type (textfield, number, checkbox, ...), over all forms. */
    private static final Map<String, String> FIELD_TYPES = new TreeMap<>();

    /** What Tasklist sends for a component of this type: a number field a number, a checkbox a Boolean, the others text. */
    private static Object sentBy(String componentType) {
        return switch (componentType) {
            case "number" -> 17L;
            case "checkbox" -> Boolean.TRUE;
            case "datetime" -> "2026-06-15";
            default -> null;
        };
    }

    private static Map<String, Map<String, Variable<?>>> contracts() {
        Map<String, Map<String, Variable<?>>> byKey = new TreeMap<>();
        new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false) {
            {
                addIncludeFilter(new org.springframework.core.type.filter.AssignableTypeFilter(ProcessContract.class));
            }
        }.findCandidateComponents("org.ethnicunity.platform").forEach(definition -> {
            try {
                ProcessContract contract = (ProcessContract) Class.forName(definition.getBeanClassName()).getDeclaredConstructor().newInstance();
                contract.processKeys().forEach(key -> byKey.put(key, contract.variables()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        return byKey;
    }
}
