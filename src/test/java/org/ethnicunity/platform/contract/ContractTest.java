package org.ethnicunity.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Holds {@code forms/}, {@code bpmn/} and the DMN tables to the process contracts: every form field,
 * every gateway condition's variable and every decision table's input must be a variable of the
 * contract of the process that uses it, and every option a form offers must be an option of that
 * variable with the same Chinese label. Adding a field to a form without naming it in the contract
 * (or renaming an option on one side only) fails here, one test per model.
 */
class ContractTest {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'\"])([A-Za-z_]\\w*)(?!\\s*[.(\\w])");
    private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
            "lt", "gt", "le", "ge", "div", "mod", "instanceof", "execution", "task", "authenticatedUserId");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, ProcessContract> CONTRACTS = contracts();

    @Test
    void eachProcessKeyHasOneContract() {
        assertThat(CONTRACTS).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyModelKeepsToItsContract() throws IOException {
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            return models.filter(path -> path.toString().endsWith(".bpmn")).sorted()
                    .map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> check(path)))
                    .toList().stream();
        }
    }

    private static void check(Path model) throws Exception {
        Document bpmn = xml(model.toFile());
        List<String> problems = new ArrayList<>();
        NodeList processes = bpmn.getElementsByTagNameNS(BPMN, "process");
        for (int p = 0; p < processes.getLength(); p++) {
            Element process = (Element) processes.item(p);
            String key = process.getAttribute("id");
            ProcessContract contract = CONTRACTS.get(key);
            if (contract == null) {
                problems.add("process '" + key + "' has no contract (a ProcessContract whose processKeys() names it)");
                continue;
            }
            Map<String, Variable<?>> known = contract.variables();
            String where = contract.getClass().getSimpleName();
            for (Element element : descendants(process)) {
                String formRef = element.getAttributeNS(CAMUNDA, "formRef");
                if (!formRef.isBlank()) {
                    checkForm(formRef, known, where, problems);
                }
                String decisionRef = element.getAttributeNS(CAMUNDA, "decisionRef");
                if (!decisionRef.isBlank()) {
                    checkDecision(decisionRef, known, where, problems);
                    String result = element.getAttributeNS(CAMUNDA, "resultVariable");
                    if (!result.isBlank() && !known.containsKey(result)) {
                        problems.add("decision result '" + result + "' of " + element.getAttribute("id") + " is not in " + where);
                    }
                }
                if (element.getLocalName().equals("conditionExpression")) {
                    for (String name : variablesOf(element.getTextContent())) {
                        if (!known.containsKey(name)) {
                            problems.add("condition " + element.getTextContent().trim() + " reads '" + name + "', not in " + where);
                        }
                    }
                    for (Map.Entry<String, String> compared : comparedOptions(element.getTextContent()).entrySet()) {
                        Variable<?> variable = known.get(compared.getKey());
                        if (variable != null && variable.options() != null && Arrays.stream(variable.options().getEnumConstants())
                                .noneMatch(option -> ((Enum<?>) option).name().equals(compared.getValue()))) {
                            problems.add("condition " + element.getTextContent().trim() + " compares with '" + compared.getValue()
                                    + "', not an option of " + compared.getKey());
                        }
                    }
                }
            }
        }
        assertThat(problems).as(model.toString()).isEmpty();
    }

    private static void checkForm(String formRef, Map<String, Variable<?>> known, String where, List<String> problems) throws IOException {
        Path file = Path.of("forms", formRef + ".form");
        if (!Files.exists(file)) {
            problems.add("form " + formRef + " does not exist");
            return;
        }
        for (JsonNode field : fields(JSON.readTree(file.toFile()))) {
            for (String reference : List.of("key", "path", "valuesKey")) {
                String name = field.path(reference).asText("");
                if (name.isBlank()) {
                    continue;
                }
                Variable<?> variable = known.get(name);
                if (variable == null) {
                    problems.add(formRef + ": field '" + name + "' is not in " + where);
                    continue;
                }
                if (reference.equals("key") && field.has("values")) {
                    checkOptions(formRef, field, variable, problems);
                }
            }
        }
    }

    /** The form's options against the variable's: the same codes, each with the same label. */
    private static void checkOptions(String formRef, JsonNode field, Variable<?> variable, List<String> problems) {
        if (variable.options() == null) {
            problems.add(formRef + ": field '" + variable.name() + "' offers options, but the contract's variable is a " + variable.type().getSimpleName());
            return;
        }
        Map<String, String> contract = new TreeMap<>();
        for (Option option : variable.options().getEnumConstants()) {
            contract.put(option.code(), option.label());
        }
        Map<String, String> form = new TreeMap<>();
        field.get("values").forEach(value -> form.put(value.path("value").asText(), value.path("label").asText()));
        for (String code : form.keySet()) {
            if (!contract.containsKey(code)) {
                problems.add(formRef + ": option '" + code + "' of '" + variable.name() + "' is not in " + variable.type().getSimpleName());
            } else if (!contract.get(code).equals(form.get(code))) {
                problems.add(formRef + ": option '" + code + "' of '" + variable.name() + "' is 「" + form.get(code)
                        + "」 in the form and 「" + contract.get(code) + "」 in " + variable.type().getSimpleName());
            }
        }
    }

    private static void checkDecision(String decisionRef, Map<String, Variable<?>> known, String where, List<String> problems) throws Exception {
        File[] tables = new File("bpmn").listFiles((dir, name) -> name.endsWith(".dmn"));
        for (File table : tables == null ? new File[0] : tables) {
            Document dmn = xml(table);
            NodeList decisions = dmn.getElementsByTagNameNS(DMN, "decision");
            for (int d = 0; d < decisions.getLength(); d++) {
                Element decision = (Element) decisions.item(d);
                if (!decision.getAttribute("id").equals(decisionRef)) {
                    continue;
                }
                NodeList inputs = decision.getElementsByTagNameNS(DMN, "inputExpression");
                for (int i = 0; i < inputs.getLength(); i++) {
                    String text = inputs.item(i).getTextContent().trim();
                    for (String name : identifiers(text)) {
                        if (!known.containsKey(name)) {
                            problems.add(table.getName() + ": input " + text + " of " + decisionRef + " reads '" + name + "', not in " + where);
                        }
                    }
                }
                return;
            }
        }
        problems.add("decision " + decisionRef + " is in no table of bpmn/");
    }

    /** Every field of a form, groups opened; the fields of a repeating list's rows are the list's own. */
    private static List<JsonNode> fields(JsonNode form) {
        List<JsonNode> fields = new ArrayList<>();
        for (JsonNode component : form.path("components")) {
            fields.add(component);
            if (!component.path("type").asText().equals("dynamiclist")) {
                fields.addAll(fields(component));
            }
        }
        return fields;
    }

    /** The variables an EL condition reads: bare identifiers, not beans (followed by a dot) or functions. */
    static Set<String> variablesOf(String condition) {
        Set<String> names = new LinkedHashSet<>();
        Matcher expressions = EXPRESSION.matcher(condition);
        while (expressions.find()) {
            names.addAll(identifiers(expressions.group(1)));
        }
        return names;
    }

    private static Set<String> identifiers(String expression) {
        String withoutStrings = expression.replaceAll("'[^']*'|\"[^\"]*\"", "''");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifiers = IDENTIFIER.matcher(withoutStrings);
        while (identifiers.find()) {
            if (!EL_WORDS.contains(identifiers.group(1))) {
                names.add(identifiers.group(1));
            }
        }
        return names;
    }

    /** {@code name == 'CODE'} (or !=) comparisons in a condition: the variable and the option it names. */
    private static Map<String, String> comparedOptions(String condition) {
        Map<String, String> compared = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile("(\\w+)\\s*(?:==|!=|eq|ne)\\s*'([^']*)'").matcher(condition);
        while (matcher.find()) {
            compared.put(matcher.group(1), matcher.group(2));
        }
        return compared;
    }

    private static List<Element> descendants(Element root) {
        List<Element> all = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName("*");
        for (int i = 0; i < nodes.getLength(); i++) {
            all.add((Element) nodes.item(i));
        }
        return all;
    }

    private static Document xml(File file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file);
    }

    /** Every {@link ProcessContract} of the main code, by the process keys it names; a key named twice fails. */
    private static Map<String, ProcessContract> contracts() {
        Map<String, ProcessContract> byKey = new TreeMap<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ethnicunity.platform")) {
            if (!type.isInterface() && type.isAssignableTo(ProcessContract.class)) {
                try {
                    var constructor = type.reflect().getDeclaredConstructor();
                    constructor.setAccessible(true);
                    ProcessContract contract = (ProcessContract) constructor.newInstance();
                    for (String key : contract.processKeys()) {
                        ProcessContract earlier = byKey.put(key, contract);
                        assertThat(earlier).as("process '" + key + "' has two contracts").isNull();
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(type.getName() + " needs a constructor without arguments", e);
                }
            }
        }
        return byKey;
    }
}
