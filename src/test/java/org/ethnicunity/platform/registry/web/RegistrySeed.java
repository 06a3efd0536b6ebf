package org.ethnicunity.platform.registry.web;

import java.time.LocalDate;
import java.util.List;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;

/**
 * Registry data with known counts, in regions no other test uses: 阿拉善盟 (158100) with its
 * banners 阿拉善左旗 (158121) and 阿拉善右旗 (158122), and 兴安盟's 乌兰浩特市 (158201) as "another
 * region". Seeded once per test JVM (the Spring context is shared); every count below is exact.
 *
 * <pre>
 * 158121: 6 units (3 学校, 3 社区), each a 旗县级 title named: 2 in 2024, 4 in 2025 (batch 2025第一批);
 *         the first two schools also a 盟市级 title (2025, batch 2025盟市级)  → 8 designations
 * 158122: 4 units (2 学校, 2 机关): 3 named in 2025, 1 named in 2024 and now 整改中   → 4 designations
 * 158201: 3 学校 named in 2025                                                      → 3 designations
 * </pre>
 */
public final class RegistrySeed {

    static final String CITY = "158100";
    static final String LEFT = "158121";
    static final String RIGHT = "158122";
    static final String FOREIGN = "158201";
    /** Contact of the first school of 158121 (two titles). */
    static final String CONTACT = "rvcontact";

    private RegistrySeed() {
    }

    public static synchronized void ensure(UnitRepository units, DesignationRepository designations, java.util.function.BiFunction<String, String, String> member) {
        member.apply(CONTACT, "unit-contacts");
        if (units.findByName("阿左旗第1学校", LEFT).isPresent()) {
            return;
        }
        for (int i = 1; i <= 6; i++) {
            boolean school = i <= 3;
            Unit unit = unit(units, "阿左旗第" + i + (school ? "学校" : "社区"), school ? UnitType.SCHOOL : UnitType.COMMUNITY,
                    LEFT, i == 1 ? CONTACT : "admin");
            boolean early = i == 5 || i == 6;
            name(designations, unit, Level.BANNER, early ? LocalDate.of(2024, 5, i) : LocalDate.of(2025, 4, i),
                    early ? null : "2025第一批");
            if (i <= 2) {
                name(designations, unit, Level.CITY, LocalDate.of(2025, 9, i), "2025盟市级");
            }
        }
        for (int i = 1; i <= 4; i++) {
            boolean school = i <= 2;
            Unit unit = unit(units, "阿右旗第" + i + (school ? "学校" : "机关"), school ? UnitType.SCHOOL : UnitType.AGENCY,
                    RIGHT, "admin");
            long id = name(designations, unit, Level.BANNER, i == 4 ? LocalDate.of(2024, 6, 1) : LocalDate.of(2025, 6, i), null);
            if (i == 4) {
                designations.updateStatus(id, DesignationStatus.NAMED, DesignationStatus.RECTIFYING);
            }
        }
        for (int i = 1; i <= 3; i++) {
            Unit unit = unit(units, "乌兰浩特第" + i + "学校", UnitType.SCHOOL, FOREIGN, "admin");
            name(designations, unit, Level.BANNER, LocalDate.of(2025, 7, i), null);
        }
    }

    /** A league of its own (158300) for the rounds of work below, apart from the lists' counts above. */
    static final String PROGRESS = "158301";
    static final String PROGRESS_CITY = "158300";

    /**
     * Rounds of work of 158301 (three titled units of its own) with known progress, once: a naming
     * campaign (3 applications: one under review, one declined, one named), an annual review launch
     * of 3 titles (graded, submitted, open past its due date) and a report request to 3 units
     * (accepted, submitted, nothing sent after the due time); and, for the designation page, a graded
     * annual review and an ended re-inspection of 阿右旗第4机关's title (the lists count designations,
     * not these). Returns the launches' ids (annual review, report request).
     */
    static synchronized long[] ensureProgress(org.springframework.jdbc.core.simple.JdbcClient jdbc, UnitRepository units,
                                              DesignationRepository designations, CampaignRepository campaigns) {
        List<Long> existing = jdbc.sql("SELECT id FROM registry.launch WHERE title LIKE '二连浩特进度测试%' ORDER BY id")
                .query(Long.class).list();
        if (!existing.isEmpty()) {
            return new long[] {existing.get(0), existing.get(1)};
        }
        LocalDate today = org.ethnicunity.platform.TestClock.today();
        Campaign campaign = campaigns.insert(new Campaign(null, "RV-" + PROGRESS + "-CITY", "二连浩特进度测试批次", Level.CITY,
                today.getYear(), PROGRESS, today.minusDays(60), today.minusDays(10), 5,
                jdbc.sql("SELECT min(id) FROM registry.indicator_set WHERE level = 'CITY'").query(Long.class).single()));
        List<Unit> left = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Unit unit = unit(units, "二连浩特第" + i + "学校", UnitType.SCHOOL, PROGRESS, "admin");
            name(designations, unit, Level.BANNER, LocalDate.of(2024, 3, i), null);
            left.add(unit);
        }
        designations.insert(left.get(0).id(), Level.CITY, campaign.id(), DesignationStatus.UNDER_REVIEW, "rv-a", null);
        designations.insert(left.get(1).id(), Level.CITY, campaign.id(), DesignationStatus.DECLINED, "rv-b", null);
        long named = designations.insert(left.get(2).id(), Level.CITY, campaign.id(), DesignationStatus.APPLYING, "rv-c", null);
        designations.recordNaming(named, today.minusDays(5), "阿民发〔进度〕1号", today.plusYears(5), false);

        long review = launch(jdbc, "ANNUAL_REVIEW", "二连浩特进度测试：年度评估", today.minusDays(1));
        String[] states = {"GRADED", "SUBMITTED", "OPEN"};
        for (int i = 0; i < 3; i++) {
            long designation = designations.findByUnit(left.get(i).id()).stream().filter(d -> d.level() == Level.BANNER)
                    .findFirst().orElseThrow().id();
            jdbc.sql("""
                    INSERT INTO registry.annual_review (designation_id, review_year, launch_id, process_instance_id, status,
                        opened_at, submitted_at, grade, score, graded_by, graded_at)
                    VALUES (?, ?, ?, ?, ?, now(), CASE WHEN ? <> 'OPEN' THEN now() END, CASE WHEN ? = 'GRADED' THEN 'PASS' END,
                        CASE WHEN ? = 'GRADED' THEN 96 END, CASE WHEN ? = 'GRADED' THEN 'rvcity' END,
                        CASE WHEN ? = 'GRADED' THEN now() END)""")
                    .params(designation, today.getYear() - 1, review, "rv-review-" + i, states[i], states[i], states[i],
                            states[i], states[i], states[i]).update();
            member(jdbc, review, "designation:" + designation);
        }
        long report = launch(jdbc, "REPORT_REQUEST", "二连浩特进度测试：工作报送", today.minusDays(1));
        String[] reports = {"ACCEPTED", "SUBMITTED", "REQUESTED"};
        for (int i = 0; i < 3; i++) {
            jdbc.sql("""
                    INSERT INTO registry.report_submission (launch_id, member_key, member_type, member_name, region_code,
                        requester_region_code, launch_title, process_instance_id, status, due_date, due_at, requested_at,
                        first_submitted_at, submitted_at, submissions, report_text)
                    VALUES (?, ?, 'UNIT', ?, ?, ?, '二连浩特进度测试：工作报送', ?, ?, ?, ?, now(),
                        CASE WHEN ? <> 'REQUESTED' THEN now() END, CASE WHEN ? <> 'REQUESTED' THEN now() END,
                        CASE WHEN ? <> 'REQUESTED' THEN 1 ELSE 0 END, CASE WHEN ? <> 'REQUESTED' THEN '活动月总结' END)""")
                    .params(report, "unit:" + left.get(i).id(), left.get(i).name(), PROGRESS, PROGRESS, "rv-report-" + i, reports[i],
                            today.minusDays(1), today.minusDays(1).atTime(23, 59).atZone(org.ethnicunity.platform.TestClock.ZONE)
                                    .toOffsetDateTime(), reports[i], reports[i], reports[i], reports[i]).update();
            member(jdbc, report, "unit:" + left.get(i).id());
        }

        Unit rectifying = units.findByName("阿右旗第4机关", RIGHT).orElseThrow();
        long title = designations.findByUnit(rectifying.id()).get(0).id();
        jdbc.sql("""
                INSERT INTO registry.annual_review (designation_id, review_year, process_instance_id, status, opened_at,
                    submitted_at, grade, score, self_total, graded_by, graded_at, review_comment, follow_up)
                VALUES (?, 2025, 'rv-page-review', 'GRADED', now(), now(), 'FAIL', 71.5, 101, 'rvcity', now(), '台账不全', 'REINSPECTION')""")
                .param(title).update();
        jdbc.sql("""
                INSERT INTO registry.dynamic_procedure (designation_id, kind, process_instance_id, started_at, ended_at, outcome)
                VALUES (?, 'REINSPECTION', 'rv-page-reinspection', now(), now(), 'RECTIFY')""").param(title).update();
        return new long[] {review, report};
    }

    private static long launch(org.springframework.jdbc.core.simple.JdbcClient jdbc, String kind, String title, LocalDate due) {
        return jdbc.sql("""
                INSERT INTO registry.launch (kind, title, region_code, state, total, launched_by, process_instance_id,
                    created_at, due_date)
                VALUES (?, ?, ?, 'DONE', 3, 'rvbanner', ?, now(), ?) RETURNING id""")
                .params(kind, title, PROGRESS, "rv-launch-" + kind, due).query(Long.class).single();
    }

    private static void member(org.springframework.jdbc.core.simple.JdbcClient jdbc, long launch, String key) {
        jdbc.sql("INSERT INTO registry.launch_member (launch_id, member_key, payload, state) VALUES (?, ?, '{}'::jsonb, 'STARTED')")
                .params(launch, key).update();
    }

    static List<String> leftNames() {
        return List.of("阿左旗第1学校", "阿左旗第2学校", "阿左旗第3学校", "阿左旗第4社区", "阿左旗第5社区", "阿左旗第6社区");
    }

    private static Unit unit(UnitRepository units, String name, UnitType type, String region, String contact) {
        return units.insert(new Unit(null, name, type, region, contact, "联系人", contact + "@test.example"));
    }

    private static long name(DesignationRepository designations, Unit unit, Level level, LocalDate named, String batch) {
        long id = designations.insert(unit.id(), level, null, DesignationStatus.NAMED, null, batch);
        designations.recordNaming(id, named, "阿民发〔" + named.getYear() + "〕" + unit.id() + "号", named.plusYears(5), false);
        return id;
    }
}
