package org.ethnicunity.platform.benchmark;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ethnicunity.platform.DemonstrationUnitsApplication;

/**
 * The start-up of a node joining a database that already holds the campaign, in a JVM of its own:
 * what a restart or an added node costs (schema, models and demo data are there), as against the
 * first start that created them. Timed from the process start until its HTTP port answers.
 */
final class NodeStart {

    private NodeStart() {
    }

    static double seconds(Map<String, Object> properties, String dbUrl, int port, String profiles) throws Exception {
        // Surefire's class path ends with an empty entry, which Java reads as the working directory:
        // from the repository root that added bpmn/ a second time to the models deployed (two
        // 'reminderSweep' in one deployment), so the empty entries go and the node runs in target/.
        String classPath = String.join(File.pathSeparator, java.util.Arrays.stream(
                System.getProperty("java.class.path").split(File.pathSeparator)).filter(e -> !e.isBlank()).toList());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath,
                DemonstrationUnitsApplication.class.getName(),
                "--spring.profiles.active=" + profiles));
        properties.forEach((key, value) -> {
            // The port and the database's URL come below, once: given twice, Spring joins them with a comma.
            if (!key.startsWith("app.embedded-postgres") && !List.of("server.port", "DB_URL", "spring.datasource.url").contains(key)) {
                command.add("--" + key + "=" + value);
            }
        });
        command.addAll(List.of("--server.port=" + port, "--DB_URL=" + dbUrl, "--spring.datasource.url=" + dbUrl));
        if (!properties.containsKey("DB_USER")) {
            // The embedded server's own superuser
            command.addAll(List.of("--spring.datasource.username=postgres", "--spring.datasource.password="));
        }
        // On a fresh clone nothing has written target/benchmarks yet: the node's directory and log live there.
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/benchmarks"));
        long started = System.nanoTime();
        Process node = new ProcessBuilder(command).directory(new File("target/benchmarks")).redirectErrorStream(true)
                .redirectOutput(new File("target/benchmarks/second-node.log")).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
        try {
            while (node.isAlive()) {
                try {
                    http.send(health, HttpResponse.BodyHandlers.discarding());
                    return (System.nanoTime() - started) / 1e9;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
            throw new IllegalStateException("the second node stopped: see target/benchmarks/second-node.log");
        } finally {
            node.destroy();
            node.waitFor();
        }
    }
}
