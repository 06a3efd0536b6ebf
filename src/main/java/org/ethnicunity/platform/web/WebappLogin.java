package org.ethnicunity.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.WebappProperty;
import org.ethnicunity.platform.engine.webapp.WebappSessions;
import org.ethnicunity.platform.engine.webapp.WebappSessions.SignedIn;
import org.springframework.stereotype.Component;

/**
 * The login of Camunda's web apps (Tasklist, Cockpit, Admin). They keep it in the HTTP session,
 * which our own pages share (one session cookie for the whole application): whoever is logged in to
 * Tasklist is logged in to our pages, and a login through Camunda's login endpoint serves both.
 */
@Component
public class WebappLogin {

    private final String engineName;
    private final WebappProperty webapp;

    WebappLogin(ProcessEngine engine, CamundaBpmProperties properties) {
        this.engineName = engine.getName();
        this.webapp = properties.getWebapp();
    }

    /**
     * The user logged in to the web apps in this request's session, if any. Groups are refreshed
     * when Camunda's authentication cache has expired, as Camunda's own filter does for its apps, so a
     * user removed from a group (or deleted) loses access here as soon as in Tasklist.
     */
    public Optional<SignedIn> user(HttpServletRequest request) {
        var cache = webapp.getAuth().getCache();
        return WebappSessions.user(request.getSession(false), engineName, cache.isTtlEnabled() ? cache.getTimeToLive() : null);
    }

    /**
     * The CSRF token Camunda's filter issued to this session, if it has issued one yet. Its login
     * endpoint wants the token back in the {@code X-XSRF-TOKEN} header; Tasklist reads it from the
     * {@code XSRF-TOKEN} cookie, which is set for the web apps' path only and so is not readable by
     * a page outside it.
     */
    public Optional<String> csrfToken(HttpServletRequest request) {
        return WebappSessions.csrfToken(request.getSession(false));
    }

    /** Camunda's login endpoint (form fields {@code username}, {@code password}), logging in to Tasklist. */
    public String loginEndpoint() {
        return userEndpoint() + "/login/tasklist";
    }

    /** Who is logged in (404 when nobody); a GET here also makes Camunda issue the session's CSRF token. */
    public String userEndpoint() {
        return webapp.getApplicationPath() + "/api/admin/auth/user/" + engineName;
    }

    public String tasklistPath() {
        return webapp.getApplicationPath() + "/app/tasklist/" + engineName + "/";
    }
}
