package org.ethnicunity.platform;

import java.util.ArrayList;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A second process engine on the test's database, as a second application node has: the same
 * plugins (form checks, guards, authorization settings), the same Spring beans behind the models'
 * delegates, its own engine name and no job executor. Close it when done.
 */
public final class SecondNode {

    private SecondNode() {
    }

    public static ProcessEngine start(ApplicationContext context, ProcessEngine primary, String name) {
        ProcessEngineConfigurationImpl first = (ProcessEngineConfigurationImpl) primary.getProcessEngineConfiguration();
        SpringProcessEngineConfiguration node = new SpringProcessEngineConfiguration();
        node.setProcessEngineName(name);
        node.setDataSource(first.getDataSource());
        node.setTransactionManager(context.getBean(PlatformTransactionManager.class));
        node.setDatabaseSchemaUpdate("false");
        node.setJobExecutorActivate(false);
        node.setHistory(first.getHistory());
        node.setAuthorizationEnabled(first.isAuthorizationEnabled());
        node.setGeneralResourceWhitelistPattern(first.getGeneralResourceWhitelistPattern());
        node.setGroupResourceWhitelistPattern(first.getGroupResourceWhitelistPattern());
        node.setMetricsEnabled(false);
        node.setDbMetricsReporterActivate(false);
        node.setIdGenerator(new StrongUuidGenerator());
        node.setApplicationContext(context);
        node.setExpressionManager(new SpringExpressionManager(context, null));
        // The project's plugins and Spin, not the Spring Boot starter's: those would name this engine
        // "default" too and take the first one's place in the REST API.
        node.setProcessEnginePlugins(new ArrayList<>(first.getProcessEnginePlugins().stream()
                .flatMap(plugin -> plugin instanceof CompositeProcessEnginePlugin composite
                        ? composite.getPlugins().stream() : Stream.of(plugin))
                .filter(plugin -> !plugin.getClass().getName().startsWith("org.camunda.bpm.spring.boot")).toList()));
        return node.buildProcessEngine();
    }
}
