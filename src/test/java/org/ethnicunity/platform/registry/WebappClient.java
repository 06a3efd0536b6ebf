package org.ethnicunity.platform.registry;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * What a browser does with the application, for the tests: keeps cookies (the session shared by the
 * Camunda web apps and our pages) and logs in the way Tasklist and the designation page's form do,
 * through Camunda's login endpoint with the CSRF token Camunda issues.
 */
class WebappClient {

    static final String USER_ENDPOINT = "/camunda/api/admin/auth/user/default";
    static final String LOGIN_ENDPOINT = USER_ENDPOINT + "/login/tasklist";

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    private final String base;

    WebappClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
    }

    /** @return the status of Camunda's login endpoint: 200 logged in, 401 wrong user name or password */
    int login(String user, String password) {
        String token = get(USER_ENDPOINT).headers().firstValue("X-XSRF-TOKEN")
                .orElseThrow(() -> new AssertionError("Camunda issued no CSRF token to a new session"));
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(base + LOGIN_ENDPOINT))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(form))).statusCode();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
