package org.ethnicunity.platform.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The parse hook: refuses a model whose user tasks lack a form or a due date (every human task in
 * this product has both), or whose history would be deleted while people still work in it; and
 * builds the platform's {@link ModelHook}s (form checks, attachment links, assignment notices,
 * instance end guards) into every user task, start event and process of every deployed model, so that
 * an administrator who edits a model in Modeler cannot drop them. A refusal is an ordinary parse
 * error, so Modeler and the REST API show it with the element and line.
 */
@Component
class ModelParsing extends AbstractProcessEnginePlugin {

    private final List<ModelHook> hooks;
    private final int minimumDaysKept;
    private ProcessEngineConfigurationImpl configuration;

    ModelParsing(List<ModelHook> hooks, @Value("${app.history.minimum-days-with-people:365}") int minimumDaysKept) {
        this.hooks = hooks;
        this.minimumDaysKept = minimumDaysKept;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        configuration.setBpmnParseFactory(CheckedParse::new);
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new Hooks());
    }

    /** Calls the hooks once the engine has parsed an element (its behaviour and task definition exist). */
    private final class Hooks extends AbstractBpmnParseListener {

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
                return;
            }
            String formRef = camunda(element, "formRef");
            ModelHook.UserTask task = new ModelHook.UserTask() {
                @Override
                public String id() {
                    return activity.getId();
                }

                @Override
                public String formRef() {
                    return formRef;
                }

                @Override
                public void addListener(String event, TaskListener listener) {
                    behavior.getTaskDefinition().addBuiltInTaskListener(event, listener);
                }
            };
            hooks.forEach(hook -> hook.userTask(task));
        }

        @Override
        public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl start) {
            String processKey = scope instanceof ProcessDefinitionEntity process ? process.getKey() : null;
            String formRef = camunda(element, "formRef");
            ModelHook.StartEvent event = new ModelHook.StartEvent() {
                @Override
                public String processKey() {
                    return processKey;
                }

                @Override
                public String formRef() {
                    return formRef;
                }

                @Override
                public void addEndListener(ExecutionListener listener) {
                    start.addBuiltInListener(ExecutionListener.EVENTNAME_END, listener);
                }
            };
            hooks.forEach(hook -> hook.startEvent(event));
        }

        @Override
        public void parseProcess(Element element, ProcessDefinitionEntity definition) {
            ModelHook.Process process = new ModelHook.Process() {
                @Override
                public String key() {
                    return definition.getKey();
                }

                @Override
                public void addEndListener(ExecutionListener listener) {
                    definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, listener);
                }
            };
            hooks.forEach(hook -> hook.process(process));
        }
    }

    /** The engine's parse of one model, refusing what this product's models must not lack. */
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
        public ProcessDefinitionEntity parseProcess(Element element) {
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

        /**
         * Camunda refuses a process without a time to live in English only (ENGINE-12018); the
         * administrator who deploys it reads Chinese first, and learns which value to set.
         */
        @Override
        protected void validateAndSetHTTL(Element element, ProcessDefinitionEntity definition, boolean skipEnforceTtl) {
            String days = camunda(element, "historyTimeToLive");
            if (days == null && configuration.isEnforceHistoryTimeToLive() && !skipEnforceTtl) {
                addError("流程「" + element.attribute("name", definition.getKey()) + "」没有历史保留期（camunda:historyTimeToLive），"
                        + "请在建模器中填写保留天数（有人工任务的流程不少于 " + minimumDaysKept + " 天），再部署。"
                        + " / History Time To Live (TTL) is missing: set camunda:historyTimeToLive (days).", element);
                return;
            }
            super.validateAndSetHTTL(element, definition, skipEnforceTtl);
        }

        @Override
        public ActivityImpl parseUserTask(Element element, ScopeImpl scope) {
            ActivityImpl activity = super.parseUserTask(element, scope);
            userTasks++;
            String name = element.attribute("name", element.attribute("id"));
            if (camunda(element, "formRef") == null && camunda(element, "formKey") == null) {
                addError("用户任务「" + name + "」没有表单（camunda:formRef）。每个人工任务都要有中文表单。"
                        + " / User task has no form.", element);
            }
            if (camunda(element, "dueDate") == null) {
                addError("用户任务「" + name + "」没有办理期限（camunda:dueDate），请使用 ${serviceLevels.dueDate('"
                        + element.attribute("id") + "')}。 / User task has no due date.", element);
            }
            return activity;
        }
    }

    private static String camunda(Element element, String attribute) {
        String value = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, attribute);
        return value == null || value.isBlank() ? null : value;
    }
}
