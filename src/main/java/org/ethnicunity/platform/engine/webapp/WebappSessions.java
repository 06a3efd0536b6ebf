package org.ethnicunity.platform.engine.webapp;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * The login Camunda's web apps (Tasklist, Cockpit, Admin) keep in the HTTP session, read through
 * the web apps' internal classes: who is signed in, and the CSRF token their filter issued.
 */
public final class WebappSessions {

    private WebappSessions() {
    }

    /** A person signed in to the web apps: user id, groups and tenants (lists never null). */
    public record SignedIn(String userId, List<String> groupIds, List<String> tenantIds) {

        static SignedIn of(UserAuthentication user) {
            return new SignedIn(user.getIdentityId(), orEmpty(user.getGroupIds()), orEmpty(user.getTenantIds()));
        }
    }

    /**
     * The person signed in to the given engine in this session. With a time to live, groups are
     * refreshed first when Camunda's authentication cache has expired, as Camunda's own filter does
     * for its apps, so a user removed from a group (or deleted) loses access here as soon as in Tasklist.
     *
     * @param cacheTimeToLive milliseconds, or null when the cache does not expire
     */
    public static Optional<SignedIn> user(HttpSession session, String engineName, Long cacheTimeToLive) {
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (cacheTimeToLive != null) {
            AuthenticationUtil.updateCache(authentications, session, cacheTimeToLive);
            AuthenticationUtil.updateSession(session, authentications);
        }
        Authentication authentication = authentications.getAuthenticationForProcessEngine(engineName);
        return authentication instanceof UserAuthentication user ? Optional.of(SignedIn.of(user)) : Optional.empty();
    }

    /** The first person signed in in this session, whatever the engine, as read without refreshing. */
    public static Optional<SignedIn> anyUser(HttpSession session) {
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return Optional.empty();
        }
        return authentications.getAuthentications().stream().findFirst()
                .map(UserAuthentication.class::cast)
                .map(SignedIn::of);
    }

    /** The CSRF token Camunda's filter issued to this session, if it has issued one yet. */
    public static Optional<String> csrfToken(HttpSession session) {
        return session == null ? Optional.empty()
                : Optional.ofNullable((String) session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME));
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
