package org.ethnicunity.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.ethnicunity.platform.engine.webapp.WebappSessions.SignedIn;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs a request to one of our pages as the user logged in to Camunda's web apps: the engine's
 * current authentication (user, groups, tenants) is set for the request, so the registry's access
 * rules and Camunda's authorizations apply as in Tasklist, and cleared afterwards (the thread serves
 * other requests next). Without a login the request runs unauthenticated and the page asks to log in;
 * nobody is ever answered with a Basic authentication challenge.
 */
public class WebappLoginFilter extends OncePerRequestFilter {

    private final WebappLogin login;
    private final IdentityService identity;

    public WebappLoginFilter(WebappLogin login, IdentityService identity) {
        this.login = login;
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<SignedIn> user = login.user(request);
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        identity.setAuthentication(user.get().userId(), user.get().groupIds(), user.get().tenantIds());
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
