package org.ethnicunity.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * What the engine package relies on beyond what the compiler checks: the private and protected fields
 * the command guards read by reflection ({@link CommandFields}), the methods it overrides (an upgrade
 * that renames one would silently stop calling ours), a state name it compares with, and the set of
 * engine commands the allow-list lets through. An engine upgrade that changes any of them fails here,
 * in the build, instead of opening a door or dropping a check in production.
 */
class EngineInternalsTest {

    // ---- fields read by reflection (OwnWorkGuard, SubmittedFieldsGuard): name, value and type

    @Test
    void theClaimAndAssignCommandsCarryTaskAndUser() {
        assertThat(field(new ClaimTaskCmd("task-1", "user-1"), "taskId")).isEqualTo("task-1");
        assertThat(field(new ClaimTaskCmd("task-1", "user-1"), "userId")).isEqualTo("user-1");
        assertThat(field(new AssignTaskCmd("task-2", null), "taskId")).isEqualTo("task-2");
        assertThat(field(new AssignTaskCmd("task-2", "user-2"), "userId")).isEqualTo("user-2");
        assertThat(field(new AddCommentCmd("task-3", null, "text"), "taskId")).isEqualTo("task-3");
    }

    @Test
    void theCompletionCommandsCarryTaskAndValues() {
        Map<String, Object> values = Map.of("grade", "A");
        assertThat(field(new SubmitTaskFormCmd("task-4", values, false, false), "taskId")).isEqualTo("task-4");
        assertThat(values(new SubmitTaskFormCmd("task-4", values, false, false), "properties")).containsEntry("grade", "A");
        assertThat(field(new CompleteTaskCmd("task-5", values), "taskId")).isEqualTo("task-5");
        assertThat(values(new CompleteTaskCmd("task-5", values), "variables")).containsEntry("grade", "A");
        assertThat(field(new SetTaskVariablesCmd("task-6", values, false), "entityId")).isEqualTo("task-6");
        assertThat(values(new SetTaskVariablesCmd("task-6", values, false), "variables")).containsEntry("grade", "A");
    }

    @Test
    void theStartCommandsCarryDefinitionAndValues() {
        var submitted = new SubmitStartFormCmd("definition-1", null, Variables.putValue("unitId", 7L));
        assertThat(field(submitted, "processDefinitionId")).isEqualTo("definition-1");
        assertThat(values(submitted, "variables")).containsEntry("unitId", 7L);
        var builder = ProcessInstantiationBuilderImpl.createProcessInstanceByKey(null, "nomination").setVariable("unitId", 7L);
        Object read = field(new StartProcessInstanceCmd((ProcessInstantiationBuilderImpl) builder), "instantiationBuilder");
        assertThat(read).isInstanceOf(ProcessInstantiationBuilderImpl.class);
        assertThat(((ProcessInstantiationBuilderImpl) read).getProcessDefinitionKey()).isEqualTo("nomination");
        assertThat(((ProcessInstantiationBuilderImpl) read).getVariables()).containsEntry("unitId", 7L);
    }

    /** FormOnlyVariableReads reads which task (and which variable) a read asks for. */
    @Test
    void theTaskVariableReadsCarryTaskAndName() {
        assertThat(field(new org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd("task-7", null, false, false), "taskId")).isEqualTo("task-7");
        assertThat(field(new org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd("task-8", null, false), "resourceId"))
                .isEqualTo("task-8");
        Object one = new org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd("task-9", "name-9", false);
        assertThat(field(one, "taskId")).isEqualTo("task-9");
        assertThat(field(one, "variableName")).isEqualTo("name-9");
        Object typed = new org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped("task-10", "name-10", false, false);
        assertThat(field(typed, "taskId")).isEqualTo("task-10");
        assertThat(field(typed, "variableName")).isEqualTo("name-10");
    }

    @Test
    void aMissingFieldFailsLoudly() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CommandFields.read(new ClaimTaskCmd("t", "u"), "assignee"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no field assignee");
    }

    // ---- methods overridden: an upgrade that renames or drops one would leave ours uncalled

    @Test
    void theMethodsTheEnginePackageOverridesStillExist() throws ReflectiveOperationException {
        // AuthorizedGroups.ByIndex
        assertOverridable(AuthorizationManager.class.getDeclaredMethod("getAllGroups"));
        assertThat(AuthorizationManager.class.getDeclaredField("availableAuthorizedGroupIds").getType()).isEqualTo(Set.class);
        // StartVariableDetails
        assertOverridable(DbHistoryEventHandler.class.getDeclaredMethod("shouldWriteHistoricDetail", HistoricVariableUpdateEventEntity.class));
        // ModelParsing.CheckedParse: the parse of a process and of a user task, called for every one
        assertOverridable(BpmnParse.class.getDeclaredMethod("parseProcess", Element.class));
        assertOverridable(BpmnParse.class.getDeclaredMethod("parseUserTask", Element.class, ScopeImpl.class));
        assertThat(BpmnParse.class.getDeclaredMethod("parseUserTask", Element.class, ScopeImpl.class).getReturnType())
                .isEqualTo(ActivityImpl.class);
    }

    /** Tasks.createdByThisCommand compares with the state a task has while it is being created. */
    @Test
    void aTaskBeingCreatedIsInStateInit() throws ReflectiveOperationException {
        Field state = TaskEntity.TaskState.class.getDeclaredField("taskState");
        state.setAccessible(true);
        assertThat(state.get(TaskEntity.TaskState.STATE_INIT)).isEqualTo(Tasks.INIT_STATE);
    }

    // ---- the allow-list against the engine's commands

    /**
     * Every engine command the allow-list lets a non-administrator run, by name or by class (queries
     * aside: they only read, and the engine checks READ on what they return), is one
     * somebody reviewed: {@code engine/allowed-commands.txt}. A command an upgrade adds whose name looks
     * like a read (or a listed class renamed) shows up here; look at what it does, then add it to the file
     * or change the rule.
     */
    @Test
    void theCommandsAllowedAreTheReviewedOnes() throws IOException {
        Set<String> allowed = new ClassFileImporter().importPackages("org.camunda.bpm.engine.impl").stream()
                .filter(type -> type.isAssignableTo(Command.class) && !type.getModifiers().contains(JavaModifier.ABSTRACT)
                        && !type.isInterface() && !type.isAssignableTo(AbstractQuery.class))
                .filter(EngineInternalsTest::allowedByRule)
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> reviewed;
        try (InputStream file = getClass().getResourceAsStream("/engine/allowed-commands.txt")) {
            reviewed = Arrays.stream(new String(file.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(allowed).as("engine commands the allow-list lets through").containsExactlyElementsOf(reviewed);
    }

    private static boolean allowedByRule(JavaClass type) {
        return CommandAllowList.WRITES.stream().anyMatch(write -> write.getName().equals(type.getName()))
                || CommandAllowList.READ.matcher(type.getSimpleName()).matches();
    }

    private static void assertOverridable(Method method) {
        assertThat(Modifier.isPrivate(method.getModifiers()) || Modifier.isFinal(method.getModifiers()))
                .as(method + " can be overridden").isFalse();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> values(Object command, String name) {
        return (Map<String, Object>) CommandFields.read(command, name);
    }

    private static Object field(Object command, String name) {
        return CommandFields.read(command, name);
    }
}
