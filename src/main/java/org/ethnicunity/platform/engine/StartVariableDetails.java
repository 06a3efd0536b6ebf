package org.ethnicunity.platform.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With history {@code full} every variable an instance starts with is written three times: the
 * runtime row, its history row (ACT_HI_VARINST) and a history detail (ACT_HI_DETAIL) repeating the
 * same first value. An annual review starts with about twenty (its unit, title and launch), so a
 * campaign of 50,000 wrote a million detail rows saying nothing the history rows do not. For starts
 * made in {@link #bulk} (a launch's members) this leaves out the detail of a value first set while
 * the instance starts; every later change still writes its detail. A person's start (an application
 * and what it says) keeps every detail: the dossier reads them. {@code
 * app.database.start-variable-details=true} writes them for bulk starts too (docs/sizing.md).
 */
@Component
@ConditionalOnProperty(name = "app.database.start-variable-details", havingValue = "false", matchIfMissing = true)
public class StartVariableDetails extends AbstractProcessEnginePlugin {

    private static final ThreadLocal<Boolean> BULK = new ThreadLocal<>();

    /** Runs starts made in bulk by the platform (the launcher's members) on this thread. */
    public static <T> T bulk(java.util.function.Supplier<T> starts) {
        Boolean outer = BULK.get();
        BULK.set(Boolean.TRUE);
        try {
            return starts.get();
        } finally {
            if (outer == null) {
                BULK.remove();
            }
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        if (configuration.getCustomHistoryEventHandlers() == null) {
            configuration.setCustomHistoryEventHandlers(new ArrayList<>());
        }
        configuration.getCustomHistoryEventHandlers().add(new DbHistoryEventHandler() {
            @Override
            protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
                return super.shouldWriteHistoricDetail(event)
                        && !(event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE) && starting());
            }
        });
    }

    private static boolean starting() {
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        return BULK.get() != null && invocation != null && invocation.getCommand() instanceof StartProcessInstanceCmd;
    }
}
