package org.ethnicunity.platform.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * What the database itself commits per second on this machine, the yardstick of every other figure:
 * pgbench's simple-update run when pgbench is installed, and always a loop of small update
 * transactions from this JVM with the same number of connections the launcher uses.
 */
final class DatabaseLimit {

    record Figures(double jvmLoopTps, Double pgbenchTps, String pgbenchNote) {
        double limit() {
            return pgbenchTps != null ? pgbenchTps : jvmLoopTps;
        }
    }

    private DatabaseLimit() {
    }

    static Figures measure(DataSource dataSource, int connections, int seconds, String jdbcUrl) throws Exception {
        double loop = jvmLoop(dataSource, connections, seconds);
        String pgbench = findPgbench();
        if (pgbench == null) {
            return new Figures(loop, null, "pgbench not installed");
        }
        Matcher hostPort = Pattern.compile("//([^:/]+):(\\d+)/([^?]+)").matcher(jdbcUrl);
        if (!hostPort.find()) {
            return new Figures(loop, null, "pgbench: cannot read host and port of " + jdbcUrl);
        }
        try {
            run(pgbench, "-i", "-q", "-s", "1", "-h", hostPort.group(1), "-p", hostPort.group(2), "-U",
                    System.getProperty("benchmark.db-user", "postgres"), hostPort.group(3));
            String out = run(pgbench, "-N", "-c", String.valueOf(connections), "-j", String.valueOf(connections),
                    "-T", String.valueOf(seconds), "-h", hostPort.group(1), "-p", hostPort.group(2), "-U",
                    System.getProperty("benchmark.db-user", "postgres"), hostPort.group(3));
            Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
            return tps.find() ? new Figures(loop, Double.parseDouble(tps.group(1)), "pgbench -N -c " + connections)
                    : new Figures(loop, null, "pgbench printed no tps");
        } finally {
            try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers");
            }
        }
    }

    private static double jvmLoop(DataSource dataSource, int connections, int seconds) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS public.bench_counter (id int PRIMARY KEY, n bigint NOT NULL)");
            s.execute("INSERT INTO public.bench_counter SELECT g, 0 FROM generate_series(1, 1000) g ON CONFLICT DO NOTHING");
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        List<Future<Long>> counts = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            counts.add(threads.submit(() -> {
                long done = 0;
                try (var c = dataSource.getConnection();
                     var update = c.prepareStatement("UPDATE public.bench_counter SET n = n + 1 WHERE id = ?")) {
                    c.setAutoCommit(false);
                    while (System.nanoTime() < end) {
                        update.setInt(1, ThreadLocalRandom.current().nextInt(1, 1001));
                        update.executeUpdate();
                        c.commit();
                        done++;
                    }
                }
                return done;
            }));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        threads.shutdown();
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("DROP TABLE public.bench_counter");
        }
        return total / ((System.nanoTime() - started) / 1e9);
    }

    private static String findPgbench() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "pgbench"))) {
                return Path.of(dir, "pgbench").toString();
            }
        }
        return null;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
