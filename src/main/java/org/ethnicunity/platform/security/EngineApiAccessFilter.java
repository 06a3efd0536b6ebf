package org.ethnicunity.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.ethnicunity.platform.engine.webapp.WebappSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * The one place that decides what a user who is not an administrator may call on the engine's REST
 * API ({@link EngineApiRules}), on both doors to it: {@code /engine-rest} (HTTP Basic) and the web
 * apps' {@code /camunda/api} (the Tasklist login session). Cockpit's and Admin's own APIs are for
 * administrators only. Anonymous requests pass on: the authentication filters answer them with 401.
 */
class EngineApiAccessFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineApiAccessFilter.class);
    /** {@code /engine/default} before the resource path: the REST API's named-engine form. */
    private static final Pattern NAMED_ENGINE = Pattern.compile("/engine/[^/]+(/.*)");

    private final IdentityService identity;
    private final String webappPath;

    EngineApiAccessFilter(IdentityService identity, String webappPath) {
        this.identity = identity;
        this.webappPath = webappPath;
    }

    private record Caller(String userId, List<String> groups) {
        boolean isAdmin() {
            return groups.contains(Roles.ADMIN);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = normalize(request.getRequestURI().substring(request.getContextPath().length()));
        Caller caller = caller(request, path);
        if (caller != null && !caller.isAdmin()) {
            Optional<String> refusal = refusal(request, path, caller);
            if (refusal.isPresent()) {
                log.info("Refused {} {} for {}: not on the allow-list", request.getMethod(), path, caller.userId());
                refuse(response, refusal.get());
                return;
            }
            if ("POST".equals(request.getMethod()) && START.matcher(path).find()) {
                StartBody body = StartBody.read(request);
                if (body.skips()) {
                    log.info("Refused {} {} for {}: skips the model's listeners or mappings", request.getMethod(), path, caller.userId());
                    refuse(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
                            "发起流程时不能跳过流程的监听器或输入输出映射（skipCustomListeners、skipIoMappings 仅供系统管理员使用）");
                    return;
                }
                chain.doFilter(body.request(), response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** A start over REST ({@code …/process-definition/{id or key/k}/start}), on either door. */
    private static final Pattern START = Pattern.compile("/process-definition/.+/start$");

    /**
     * A start's JSON body, read once and handed on. Skipping the model's listeners or input/output
     * mappings would skip its checks (who may start, on what grounds): an administrator's repair tool;
     * the engine itself answers it with a 500 and its own English.
     */
    private record StartBody(byte[] bytes, HttpServletRequest original) {

        private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
        static StartBody read(HttpServletRequest request) throws IOException {
            return new StartBody(request.getInputStream().readAllBytes(), request);
        }

        boolean skips() {
            try {
                var json = JSON.readTree(bytes);
                return json != null && (json.path("skipCustomListeners").asBoolean(false) || json.path("skipIoMappings").asBoolean(false));
            } catch (IOException e) {
                return false; // not JSON: the REST API answers that itself
            }
        }

        /** The request with its body handed on from memory (its size is bounded earlier by {@code web.BoundedBodies}). */
        HttpServletRequest request() {
            return new BufferedRequest(original, bytes);
        }
    }

    private Optional<String> refusal(HttpServletRequest request, String path, Caller caller) {
        String method = request.getMethod();
        if (path.startsWith("/engine-rest")) {
            return EngineApiRules.refusal(method, enginePath(path.substring("/engine-rest".length())),
                    request.getParameterMap(), caller.userId());
        }
        String api = path.substring((webappPath + "/api").length());
        if (api.startsWith("/engine/")) {
            return EngineApiRules.refusal(method, enginePath(api.substring("/engine".length())),
                    request.getParameterMap(), caller.userId());
        }
        if (api.startsWith("/admin/auth/user/") || api.matches("/[a-z]+/plugin/[^/]+/static/.*") && "GET".equals(method)) {
            return Optional.empty(); // login, logout, who am I; plugin scripts Tasklist loads
        }
        return Optional.of("Cockpit 与 Admin 仅供系统管理员使用 / Cockpit and Admin are for administrators");
    }

    /**
     * The path as Jersey matches it: without matrix parameters ({@code ;x=1}, which Jersey ignores,
     * so {@code /process-definition/statistics;x} would otherwise pass as a definition id), with
     * %-escapes decoded, repeated slashes collapsed and no trailing slash.
     */
    static String normalize(String raw) {
        String path = UriUtils.decode(raw.replaceAll(";[^/]*", ""), StandardCharsets.UTF_8).replaceAll("/{2,}", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** {@code /engine/default/task} and {@code /task} are the same resource. */
    private static String enginePath(String path) {
        Matcher named = NAMED_ENGINE.matcher(path);
        return named.matches() ? named.group(1) : path;
    }

    /**
     * The engine's current authentication on {@code /engine-rest} (set by the Basic filter that runs
     * first); on the web apps' API the login kept in the session, read directly so that the order of
     * Camunda's own filters does not matter.
     */
    private Caller caller(HttpServletRequest request, String path) {
        if (path.startsWith("/engine-rest")) {
            var authentication = org.ethnicunity.platform.engine.Caller.current(identity);
            return authentication == null ? null : new Caller(authentication.getUserId(), authentication.getGroupIds());
        }
        return WebappSessions.anyUser(request.getSession(false))
                .map(user -> new Caller(user.userId(), user.groupIds()))
                .orElse(null);
    }

    /** Camunda's own error body, so Tasklist shows the message in its notification. */
    private static void refuse(HttpServletResponse response, String message) throws IOException {
        refuse(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", message);
    }

    private static void refuse(HttpServletResponse response, int status, String type, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String json = "{\"type\":\"" + type + "\",\"message\":\""
                + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        response.getWriter().write(json);
    }
}
