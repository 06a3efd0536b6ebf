package org.ethnicunity.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for the tests: Basic authentication as a user, JSON in and out. */
public class RestClient {

    public record Response(int status, JsonNode body, String raw) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public RestClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Response get(String user, String password, String path) {
        return send(user, password, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String user, String password, String path, Object body) {
        return request(user, password, "POST", path, body);
    }

    /** Any method, with the body as JSON (none when null). */
    public Response request(String user, String password, String method, String path, Object body) {
        try {
            return send(user, password, HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response send(String user, String password, HttpRequest.Builder request) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = parse(raw);
            return new Response(response.statusCode(), body, raw);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body as JSON; null when empty or not JSON. */
    static JsonNode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(raw);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Camunda REST variables: {"name": {"value": v}} for each entry. */
    public static Map<String, Object> variables(Map<String, ?> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return Map.of("variables", variables);
    }
}
