package org.ethnicunity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The modules' boundaries for data: each table of the {@code registry} schema belongs to one module (the
 * top-level package that writes it), only its owner writes it, and another module reads it only where
 * this class says so and why. A new table without an owner, a write into another module's table, or a
 * new read across modules fails here; the way out is the owner's API (a service, a view, an event), or,
 * for a read that must stay one statement at scale, a line below with its reason.
 */
class TableOwnershipTest {

    private static final Path MAIN = Path.of("src/main/java/org/ethnicunity/platform");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Table -> the module that owns (writes) it. */
    private static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("unit", "registry"), Map.entry("campaign", "registry"), Map.entry("designation", "registry"),
            Map.entry("designation_event", "registry"), Map.entry("dynamic_procedure", "registry"),
            Map.entry("recommendation", "nomination"), Map.entry("annual_review", "annualreview"),
            Map.entry("report_submission", "reportrequest"), Map.entry("launch", "launcher"),
            Map.entry("launch_member", "launcher"), Map.entry("indicator_set", "indicators"),
            Map.entry("indicator_category", "indicators"), Map.entry("veto_item", "indicators"),
            Map.entry("site_assessment", "indicators"), Map.entry("attachment", "attachments"),
            Map.entry("mail_outbox", "mail"), Map.entry("mail_attachment", "mail"));

    /**
     * Reads across modules that are allowed, module -> tables, each for a reason. Everything else goes
     * through the owner's Java API.
     */
    private static final Map<String, Set<String>> READS = Map.of(
            // The reports are a read model over the whole registry: the dossier, statistics and bulletin
            // join titles, reviews, procedures and assessments in one statement each.
            "reports", Set.of("unit", "designation", "designation_event", "dynamic_procedure", "annual_review",
                    "report_submission", "launch", "site_assessment", "indicator_category", "veto_item"),
            // Launch kinds select a region's members in one INSERT ... SELECT (50,000 rows in one statement).
            "annualreview", Set.of("unit", "designation", "campaign", "indicator_set"),
            "reportrequest", Set.of("unit", "designation"),
            "reinspection", Set.of("unit", "designation", "campaign", "dynamic_procedure"),
            "launcher", Set.of("unit"),
            // The daily expiry run pages through a day's expiring titles with their holders, and reads the
            // outbox's record that a holder was told (the notice is sent once).
            "expiry", Set.of("unit", "designation", "campaign", "mail_outbox"));

    private static final Pattern TABLE = Pattern.compile("\\b(?:registry\\.|FROM\\s+|JOIN\\s+|INTO\\s+|UPDATE\\s+)([a-z_]+)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WRITE = Pattern.compile("\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(?:registry\\.)?([a-z_]+)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SQL_TEXT = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.DOTALL);

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Matcher create = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?(?:registry\\.)?([a-z_]+)", Pattern.CASE_INSENSITIVE)
                        .matcher(Files.readString(file));
                while (create.find()) {
                    created.add(create.group(1).toLowerCase());
                }
            }
        }
        assertThat(OWNER.keySet()).as("tables created by the migrations, each with an owning module here")
                .containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void onlyTheOwnerWritesATableAndOthersReadOnlyWhatIsListed() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = module(file);
                Matcher texts = SQL_TEXT.matcher(Files.readString(file));
                while (texts.find()) {
                    String sql = texts.group(1) != null ? texts.group(1) : texts.group(2);
                    if (!sql.matches("(?is).*\\b(SELECT|INSERT|UPDATE|DELETE)\\b.*")) {
                        continue;
                    }
                    check(module, MAIN.relativize(file).toString(), sql, problems);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void check(String module, String file, String sql, List<String> problems) {
        Matcher writes = WRITE.matcher(sql);
        while (writes.find()) {
            String owner = OWNER.get(writes.group(1).toLowerCase());
            if (owner != null && !owner.equals(module)) {
                problems.add(file + " writes " + writes.group(1) + ", a table of " + owner);
            }
        }
        Matcher tables = TABLE.matcher(sql);
        while (tables.find()) {
            String table = tables.group(1).toLowerCase();
            String owner = OWNER.get(table);
            if (owner != null && !owner.equals(module) && !READS.getOrDefault(module, Set.of()).contains(table)) {
                problems.add(file + " reads " + table + ", a table of " + owner + ", without a line in READS");
            }
        }
    }

    private static String module(Path file) {
        Path relative = MAIN.relativize(file);
        return relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
    }
}
