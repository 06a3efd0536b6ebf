package org.ethnicunity.platform.forms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Adds the server-side form checks to every user task of every deployed model, so that an
 * administrator who edits a model in Modeler cannot drop them, and refuses a model whose user tasks
 * lack a form or a due date: every human task in this product has both. The refusal is an ordinary
 * parse error, so Modeler and the REST API show it with the element and line. A process with user
 * tasks whose history would be deleted while people still work in it is refused the same way. It also installs
 * {@link SubmittedFieldsGuard}: a task accepts only its form's fields.
 */
@Component
public class FormChecksPlugin extends AbstractProcessEnginePlugin {

    private final Map<String, FormCheck> checks = new HashMap<>();
    private final java.util.Set<String> startVariables;
    private final int minimumDaysKept;
    private ProcessEngineConfigurationImpl configuration;

    public FormChecksPlugin(List<FormCheck> checks,
                            @org.springframework.beans.factory.annotation.Value("${app.forms.start-variables:}") java.util.Set<String> startVariables,
                            @org.springframework.beans.factory.annotation.Value("${app.history.minimum-days-with-people:365}") int minimumDaysKept) {
        checks.forEach(check -> check.formIds().forEach(id -> this.checks.put(id, check)));
        this.startVariables = startVariables;
        this.minimumDaysKept = minimumDaysKept;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        configuration.setBpmnParseFactory(CheckedParse::new);
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new org.ethnicunity.platform.web.EngineErrorTranslator());
        configuration.getCustomPreCommandInterceptorsTxRequired().add(
                new SubmittedFieldsGuard(configuration::getIdentityService, configuration::getFormService,
                        configuration::getRepositoryService, startVariables));
    }

    private class CheckedParse extends BpmnParse {

        private int userTasks;

        CheckedParse(BpmnParser parser) {
            super(parser);
        }

        /**
         * With {@code historyRemovalTimeStrategy: start} (application.yml) an instance's history is due for
         * deletion its time to live after it started, ended or not: a process people work in must keep
         * its history longer than any instance can run, or the clean-up deletes a running application's.
         */
        @Override
        public org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity parseProcess(Element element) {
            userTasks = 0;
            var process = super.parseProcess(element);
            Integer days = process.getHistoryTimeToLive();
            if (userTasks > 0 && days != null && days < minimumDaysKept
                    && ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_START.equals(configuration.getHistoryRemovalTimeStrategy())) {
                addError("流程「" + element.attribute("name", process.getKey()) + "」有人工任务，历史保留期（historyTimeToLive）"
                        + days + " 天过短，须不少于 " + minimumDaysKept + " 天：历史从实例开始之日起计算保留期，过短会在办理中删除其历史。"
                        + " / A process with user tasks must keep its history at least " + minimumDaysKept
                        + " days (removal time counts from the start).", element);
            }
            return process;
        }

        @Override
        public ActivityImpl parseUserTask(Element element, ScopeImpl scope) {
            ActivityImpl activity = super.parseUserTask(element, scope);
            userTasks++;
            String formRef = camunda(element, "formRef");
            String name = element.attribute("name", element.attribute("id"));
            if (formRef == null && camunda(element, "formKey") == null) {
                addError("用户任务「" + name + "」没有表单（camunda:formRef）。每个人工任务都要有中文表单。"
                        + " / User task has no form.", element);
            }
            if (camunda(element, "dueDate") == null) {
                addError("用户任务「" + name + "」没有办理期限（camunda:dueDate），请使用 ${serviceLevels.dueDate('"
                        + element.attribute("id") + "')}。 / User task has no due date.", element);
            }
            FormCheck check = formRef == null ? null : checks.get(formRef);
            if (check != null && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> check.check(formRef, task));
            }
            return activity;
        }

        private static String camunda(Element element, String attribute) {
            String value = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, attribute);
            return value == null || value.isBlank() ? null : value;
        }
    }
}
