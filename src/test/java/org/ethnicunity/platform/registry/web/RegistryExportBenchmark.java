package org.ethnicunity.platform.registry.web;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long the export of 50,000 designations takes and how much heap it needs: over HTTP as an
 * administrator would download it (time, size), with the JVM's heap sampled every 5 ms during the
 * download (peak above the heap after a GC before it). Not part of the test suite; run with
 * {@code mvn test -Dtest=RegistryExportBenchmark -Dbenchmark.rows=50000}. Figures go to
 * target/benchmarks/registry-export.txt; docs/registry.md keeps the measured ones.
 */
class RegistryExportBenchmark extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void exportOfManyDesignations() throws Exception {
        int rows = Integer.getInteger("benchmark.rows", 50_000);
        jdbc.sql("""
                INSERT INTO registry.unit (name, unit_type, region_code, contact_user, contact_name, contact_email)
                SELECT '基准导出单位第' || n || '号民族团结进步示范学校', 'SCHOOL', '1597' || lpad((n % 50 + 1)::text, 2, '0'),
                       'bench' || n, '联系人' || n, 'bench' || n || '@test.example'
                FROM generate_series(1, :rows) n""").param("rows", rows).update();
        jdbc.sql("""
                INSERT INTO registry.designation (unit_id, level, status, named_date, document_number, expiry_date, batch)
                SELECT u.id, 'BANNER', 'NAMED', :named - (u.id % 700)::int, '基准民发〔2024〕' || u.id || '号',
                       :named - (u.id % 700)::int + 1826, '2024年第一批'
                FROM registry.unit u WHERE u.region_code LIKE '1597%'""")
                .param("named", TestClock.today().minusYears(1)).update();
        jdbc.sql("ANALYZE").update();

        List<String> out = new ArrayList<>();
        out.add("Export of " + rows + " designations (league 159700), max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, " + Runtime.getRuntime().availableProcessors() + " cores");
        for (int run = 1; run <= 3; run++) {
            out.add(measure(run, "/api/registry/designations.xlsx?region=159700", rows));
        }
        Path file = Path.of("target/benchmarks/registry-export.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, out);
        out.forEach(System.out::println);
    }

    private String measure(int run, String path, int rows) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        Thread.sleep(200);
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long started = System.nanoTime();
        HttpResponse<Path> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofFile(Files.createTempFile("export", ".xlsx")));
        long millis = (System.nanoTime() - started) / 1_000_000;
        running.set(false);
        sampler.join();
        long size = Files.size(answer.body());
        long read;
        try (InputStream in = Files.newInputStream(answer.body()); ReadableWorkbook workbook = new ReadableWorkbook(in);
             var sheetRows = workbook.getFirstSheet().openStream()) {
            read = sheetRows.count() - 1;
        }
        Files.delete(answer.body());
        if (answer.statusCode() != 200 || read != rows) {
            throw new IllegalStateException("export answered " + answer.statusCode() + " with " + read + " rows");
        }
        return String.format("run %d: %d rows in %d ms (%.0f rows/s), %.1f MiB file, heap peak %.0f MiB above the %.0f MiB before",
                run, read, millis, read * 1000.0 / millis, size / 1048576.0, (peak.get() - baseline) / 1048576.0,
                baseline / 1048576.0);
    }
}
