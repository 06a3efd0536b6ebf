package org.ethnicunity.platform.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every command interceptor of the platform, in one list and in this order (nothing else registers
 * one: the order of Spring's beans must not decide it). The engine runs them, for each command of the
 * "transaction required" executor, around its own interceptors.
 *
 * <p>Before the engine's own (outside the command's context and transaction), outermost first:
 * <ol>
 *   <li>{@link EngineErrorTranslator}: outermost so that it sees every failure, of the command and of
 *   the guards below, after the transaction was rolled back, and gives REST the right status;</li>
 *   <li>{@link CommandAllowList}: refuses a command that is not known to be safe before any guard
 *   reads its fields (a guard only knows the commands it was written for);</li>
 *   <li>{@link SubmittedFieldsGuard}: a start or a completion takes only its form's fields;</li>
 *   <li>{@link OwnWorkGuard}: claims, unclaims and comments only on one's own work; last, because it may
 *   replace the command (an "unclaim" by assignment becomes the claim command's unclaim), which
 *   the guards above have then already judged as what the caller asked for;</li>
 *   <li>{@link FormOnlyVariableReads}: a unit's contact reads of a task's variables only what its form
 *   shows; it looks at reads only, which no guard above touches.</li>
 * </ol>
 * The two guards look at different commands, so their order between them changes no answer.
 *
 * <p>After the engine's own (inside the command's context, on its connection):
 * {@link TaskListPlans.PlanPerCall} (unless {@code app.database.task-list-plans=false}), which needs
 * the command's connection and transaction for its {@code SET LOCAL}.
 */
@Component
class CommandInterceptors extends AbstractProcessEnginePlugin {

    private final Set<String> startVariables;
    private final boolean taskListPlans;
    private final ObjectProvider<SubmittedValueCheck> valueChecks;
    private final ObjectProvider<FormVariableReaders> formReaders;

    CommandInterceptors(@Value("${app.forms.start-variables:}") Set<String> startVariables,
                        @Value("${app.database.task-list-plans:true}") boolean taskListPlans,
                        ObjectProvider<SubmittedValueCheck> valueChecks,
                        ObjectProvider<FormVariableReaders> formReaders) {
        this.startVariables = startVariables;
        this.taskListPlans = taskListPlans;
        this.valueChecks = valueChecks;
        this.formReaders = formReaders;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> before = List.of(
                new EngineErrorTranslator(configuration::getTaskService, configuration::getHistoryService,
                        configuration::getIdentityService),
                new CommandAllowList(configuration::getIdentityService),
                new SubmittedFieldsGuard(configuration::getIdentityService, configuration::getFormService,
                        configuration::getRepositoryService, startVariables, configuration::getTaskService,
                        () -> valueChecks.getIfAvailable(() -> SubmittedValueCheck.NONE)),
                new OwnWorkGuard(configuration::getIdentityService, configuration::getTaskService,
                        configuration::getAuthorizationService),
                new FormOnlyVariableReads(configuration::getIdentityService, configuration::getFormService,
                        () -> formReaders.getIfAvailable(() -> FormVariableReaders.NOBODY)));
        List<CommandInterceptor> after = taskListPlans ? List.of(new TaskListPlans.PlanPerCall()) : List.of();
        configuration.setCustomPreCommandInterceptorsTxRequired(only(configuration.getCustomPreCommandInterceptorsTxRequired(), before));
        configuration.setCustomPostCommandInterceptorsTxRequired(only(configuration.getCustomPostCommandInterceptorsTxRequired(), after));
    }

    /** This list, and a loud failure if anything else registered an interceptor behind our back. */
    private static List<CommandInterceptor> only(List<CommandInterceptor> existing, List<CommandInterceptor> ours) {
        if (existing != null && !existing.isEmpty()) {
            throw new IllegalStateException("Command interceptors are registered in CommandInterceptors only, found " + existing);
        }
        return new ArrayList<>(ours);
    }
}
