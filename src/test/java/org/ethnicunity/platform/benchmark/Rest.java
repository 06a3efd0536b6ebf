package org.ethnicunity.platform.benchmark;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The REST calls of the benchmark, over loopback with HTTP Basic as the demo users. */
final class Rest {

    /** Latencies of one call, in milliseconds, and the body of its last answer. */
    /** {@code slow}: which calls (1 = first) took over three times the median, e.g. before a plan changed. */
    record Percentiles(double p50, double p95, double p99, String body, String slow) {
        @Override
        public String toString() {
            return "%.1f / %.1f / %.1f".formatted(p50, p95, p99) + (slow.isEmpty() ? "" : "; over 3 × p50: calls " + slow);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    Rest(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Map<String, Object> post(String user, String path, Map<String, Object> body) throws Exception {
        HttpResponse<String> response = send(user, "POST", path, JSON.writeValueAsString(body));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readValue(response.body(), new TypeReference<>() { });
    }

    String filterId(String user, String name) throws Exception {
        HttpResponse<String> response = send(user, "GET", "/engine-rest/filter?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8), null);
        List<Map<String, Object>> filters = JSON.readValue(response.body(), new TypeReference<>() { });
        if (filters.isEmpty()) {
            throw new IllegalStateException("No filter " + name + " for " + user + ": " + response.body());
        }
        return (String) filters.get(0).get("id");
    }

    /** Ten calls to warm up, then {@code samples} timed ones. */
    Percentiles percentiles(String user, String method, String path, String body, int samples) throws Exception {
        for (int i = 0; i < 10; i++) {
            send(user, method, path, body);
        }
        double[] millis = new double[samples];
        String last = null;
        for (int i = 0; i < samples; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = send(user, method, path, body);
            millis[i] = (System.nanoTime() - started) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            last = response.body();
        }
        double[] inOrder = millis.clone();
        Arrays.sort(millis);
        String shown = last.startsWith("{\"count\"") ? String.valueOf(JSON.readTree(last).get("count").asLong())
                : JSON.readTree(last).size() + " rows";
        return new Percentiles(at(millis, 0.50), at(millis, 0.95), at(millis, 0.99), shown, slowCalls(inOrder, 3 * at(millis, 0.50)));
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    /** The calls over the limit as ranges of their numbers: "1-31, 57". */
    private static String slowCalls(double[] inOrder, double limit) {
        StringBuilder ranges = new StringBuilder();
        for (int i = 0; i < inOrder.length; i++) {
            if (inOrder[i] <= limit) {
                continue;
            }
            int end = i;
            while (end + 1 < inOrder.length && inOrder[end + 1] > limit) {
                end++;
            }
            ranges.append(ranges.isEmpty() ? "" : ", ").append(i + 1).append(end > i ? "-" + (end + 1) : "");
            i = end;
        }
        return ranges.toString();
    }
}
