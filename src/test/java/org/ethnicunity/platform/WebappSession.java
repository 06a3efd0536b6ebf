package org.ethnicunity.platform;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with the Camunda web apps, without a browser: the login form's call, the
 * session cookie and the CSRF token Camunda asks for on every change. It reaches the engine's REST
 * API the way Tasklist does, under {@code /camunda/api/engine}.
 */
public class WebappSession {

    public static final String USER_ENDPOINT = "/camunda/api/admin/auth/user/default";
    public static final String LOGIN_ENDPOINT = USER_ENDPOINT + "/login/tasklist";

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;
    private String csrfToken;

    public WebappSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Logs in through Tasklist's login call; true when Camunda accepted the password. */
    public boolean login(String user, String password) {
        return loginStatus(user, password) == 200;
    }

    /** @return the status of Camunda's login call: 200 logged in, 401 wrong user name or password */
    public int loginStatus(String user, String password) {
        fetchToken();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        int status = send(HttpRequest.newBuilder(URI.create(base + LOGIN_ENDPOINT))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))).status();
        fetchToken(); // the login starts a new session with a new token
        return status;
    }

    /** A page as a browser asks for it, with its headers. */
    public HttpResponse<String> page(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A download (a PDF, a workbook) as bytes, with its headers. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public RestClient.Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public RestClient.Response send(String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The session's CSRF token, as Camunda issued it (the attachment pages want it back with an upload). */
    public String csrfToken() {
        return csrfToken;
    }

    /** Any request in this session, the answer as bytes (a download, a redirect). */
    public HttpResponse<byte[]> exchange(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public String base() {
        return base;
    }

    private void fetchToken() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(base + USER_ENDPOINT)).GET().build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private RestClient.Response send(HttpRequest.Builder request) {
        if (csrfToken != null) {
            request.header("X-XSRF-TOKEN", csrfToken);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new RestClient.Response(response.statusCode(), RestClient.parse(response.body()), response.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
