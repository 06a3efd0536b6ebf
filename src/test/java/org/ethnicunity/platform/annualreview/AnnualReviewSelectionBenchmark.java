package org.ethnicunity.platform.annualreview;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.launcher.LaunchRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long the annual review's selection takes over a region-wide registry, and the plans PostgreSQL
 * chooses: a whole league (every title), one banner (a small share, through the indexes), and the
 * second launch of a year (every title already reviewed). Not part of the test suite (no timed
 * assertions); run it with {@code mvn test -Dtest=AnnualReviewSelectionBenchmark -Dbenchmark.titles=50000}.
 * Figures and plans go to target/benchmarks/annual-review-selection.txt; docs/annual-review.md keeps the measured ones.
 */
class AnnualReviewSelectionBenchmark extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired AnnualReviewLaunch launch;

    @Test
    void selectionOverManyTitles() throws Exception {
        int titles = Integer.getInteger("benchmark.titles", 50_000);
        int banners = 50;
        int year = TestClock.today().getYear();
        long set = jdbc.sql("SELECT min(id) FROM registry.indicator_set WHERE level = 'BANNER'").query(Long.class).single();
        long campaign = jdbc.sql("""
                INSERT INTO registry.campaign (code, name, level, year, region_code, application_start, application_end, indicator_set_id)
                VALUES ('BENCH-ANNUAL', '基准测试批次', 'BANNER', ?, '159800', ?, ?, ?) RETURNING id""")
                .params(year - 2, TestClock.today().minusYears(2), TestClock.today().minusYears(2).plusDays(30), set)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO registry.unit (name, unit_type, region_code, contact_user, contact_name, contact_email)
                SELECT '基准单位' || n, 'SCHOOL', '1598' || lpad((n % :banners + 1)::text, 2, '0'), 'bench' || n, '联系人' || n,
                       'bench' || n || '@test.example'
                FROM generate_series(1, :titles) n""").param("banners", banners).param("titles", titles).update();
        // A tenth named by a campaign, the rest imported; a twentieth not NAMED (in re-inspection).
        jdbc.sql("""
                INSERT INTO registry.designation (unit_id, level, campaign_id, status, named_date, document_number, expiry_date)
                SELECT u.id, 'BANNER', CASE WHEN u.id % 10 = 0 THEN :campaign END,
                       CASE WHEN u.id % 20 = 1 THEN 'UNDER_REINSPECTION' ELSE 'NAMED' END, :named, '基准〔2024〕' || u.id || '号', :expiry
                FROM registry.unit u WHERE u.region_code LIKE '1598%'""")
                .param("campaign", campaign).param("named", TestClock.today().minusYears(2))
                .param("expiry", TestClock.today().plusYears(3)).update();
        jdbc.sql("ANALYZE").update();

        List<String> out = new ArrayList<>();
        out.add("Annual review selection, " + titles + " titles in " + banners + " banners of league 159800");
        run(out, "league 159800 (every title)", AnnualReviewFixture.params("159800", null, null, null, year));
        run(out, "banner 159801", AnnualReviewFixture.params("159801", null, null, null, year));
        run(out, "league, CITY titles only (none)", AnnualReviewFixture.params("159800", "CITY", null, null, year));
        jdbc.sql("""
                INSERT INTO registry.annual_review (designation_id, review_year, process_instance_id, status, opened_at)
                SELECT d.id, :year, 'bench-' || d.id, 'OPEN', now() FROM registry.designation d
                JOIN registry.unit u ON u.id = d.unit_id WHERE u.region_code LIKE '1598%'""").param("year", year).update();
        jdbc.sql("ANALYZE").update();
        run(out, "league again, all reviewed this year", AnnualReviewFixture.params("159800", null, null, null, year));

        Path file = Path.of("target/benchmarks/annual-review-selection.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, out);
        out.forEach(System.out::println);
    }

    private void run(List<String> out, String label, Map<String, Object> params) {
        String sql = launch.memberSql(new LaunchRequest("ANNUAL_REVIEW", "基准", (String) params.get("regionCode"),
                null, null, null, (Integer) params.get("year"), TestClock.today(), TestClock.today(), null, null));
        long best = Long.MAX_VALUE;
        int rows = 0;
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            rows = bind(jdbc.sql(sql), params).query().listOfRows().size();
            best = Math.min(best, System.nanoTime() - started);
        }
        out.add("");
        out.add("== " + label + ": " + rows + " members, best of 5 (fetching every payload): " + best / 1_000_000 + " ms");
        bind(jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql), params).query(String.class).list().forEach(out::add);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Map<String, Object> params) {
        for (var p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        return statement;
    }
}
