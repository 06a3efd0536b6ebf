package org.ethnicunity.platform.engine;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Before its first authorization check, every command with a signed-in person (each Tasklist call,
 * each form submitted) asks which groups have any grant at all, to skip checks for the others. The
 * engine asks {@code SELECT DISTINCT GROUP_ID_} over every grant, a scan that grows with the open
 * tasks (each carries its own grants: 1 ms a call at 3,000 open tasks, three calls a grading). The
 * same set is read here by hopping along the engine's index on {@code GROUP_ID_}, one probe per
 * group, whatever the number of tasks. Same answer, in the same transaction: nothing is cached.
 */
@Component
@ConditionalOnProperty(name = "app.database.authorized-groups-by-index", havingValue = "true", matchIfMissing = true)
class AuthorizedGroups extends AbstractProcessEnginePlugin {

    /** A loose index scan: the next group after the last one found, until there is none. */
    static final String GROUPS_WITH_GRANTS = """
            WITH RECURSIVE g(id) AS (
                SELECT min(GROUP_ID_) FROM %1$sACT_RU_AUTHORIZATION
                UNION ALL
                SELECT (SELECT min(GROUP_ID_) FROM %1$sACT_RU_AUTHORIZATION WHERE GROUP_ID_ > g.id) FROM g WHERE g.id IS NOT NULL)
            SELECT id FROM g WHERE id IS NOT NULL""";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomSessionFactories() == null) {
            configuration.setCustomSessionFactories(new ArrayList<>());
        }
        // Added after the engine's own factories, so this one is the AuthorizationManager each command opens.
        configuration.getCustomSessionFactories().add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new ByIndex();
            }
        });
    }

    /** The engine's authorization manager, reading the groups with grants by index. */
    static class ByIndex extends AuthorizationManager {

        @Override
        protected Set<String> getAllGroups() {
            ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
            if (!"postgres".equals(configuration.getDatabaseType())) {
                return super.getAllGroups();
            }
            if (availableAuthorizedGroupIds == null) {
                Set<String> groups = new HashSet<>();
                String sql = GROUPS_WITH_GRANTS.formatted(configuration.getDatabaseTablePrefix());
                try (PreparedStatement statement = getDbSqlSession().getSqlSession().getConnection().prepareStatement(sql);
                     ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        groups.add(rows.getString(1));
                    }
                } catch (SQLException e) {
                    throw new ProcessEngineException("groups with authorizations: " + e.getMessage(), e);
                }
                availableAuthorizedGroupIds = groups;
            }
            return availableAuthorizedGroupIds;
        }
    }
}
