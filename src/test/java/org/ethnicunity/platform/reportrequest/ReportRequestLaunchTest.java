package org.ethnicunity.platform.reportrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.launcher.LaunchKind;
import org.ethnicunity.platform.launcher.LaunchRequest;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 工作报送 as a launch kind: its refusals, and its member SQL run with the parameters bound as the
 * launcher binds them (every one, NULL for "any"), on regions of their own (1597xx-1599xx); a
 * member's payload starts an instance as it stands; a region's units are selected in one statement.
 */
class ReportRequestLaunchTest extends IntegrationTest {

    @Autowired List<LaunchKind> kinds;
    @Autowired JdbcClient jdbc;
    @Autowired UnitRepository units;
    @Autowired DesignationRepository designations;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired PlatformTransactionManager transactionManager;

    LaunchKind kind;
    ReportRequestFixture fixture;
    LocalDate due = TestClock.today().plusDays(30);

    @BeforeEach
    void setUp() {
        kind = kinds.stream().filter(k -> k.code().equals("REPORT_REQUEST")).findFirst().orElseThrow();
        fixture = new ReportRequestFixture(engine, new NominationFixture(engine, units, campaigns, indicatorSets));
    }

    @Test
    void theKindNamesItsProcessAndChecksTheRequest() {
        assertThat(kind.label()).isEqualTo("工作报送");
        assertThat(kind.processKey()).isEqualTo("report-request");
        kind.check(request("活动月总结", "请报送总结", due, "UNITS", null), TestClock.today());
        kind.check(request("活动月总结", "请报送总结", due, "COMMISSIONS", null), TestClock.today());

        refused(request(" ", "请报送总结", due, "UNITS", null), "请填写「报送标题」");
        refused(request("题".repeat(41), "请报送总结", due, "UNITS", null), "「报送标题」不能超过 40 字");
        refused(request("活动月总结", null, due, "UNITS", null), "请填写「报送要求」");
        refused(request("活动月总结", "要".repeat(5001), due, "UNITS", null), "「报送要求」不能超过 5000 字");
        refused(request("活动月总结", "请报送总结", null, "UNITS", null), "请填写「报送截止日期」");
        refused(request("活动月总结", "请报送总结", due, null, null), "请选择报送对象：UNITS（单位）或 COMMISSIONS（下级民委）");
        refused(request("活动月总结", "请报送总结", due, "EVERYBODY", null), "收到的「EVERYBODY」不是有效选项");
        refused(request("活动月总结", "请报送总结", due, "COMMISSIONS", "SCHOOL"), "报送对象为下级民委时不能按单位类型或命名状态筛选");
    }

    @Test
    void theUnitsOfTheRegionFilteredByTypeLevelAndStatus() {
        Unit named = unit("1598a", "159801", UnitType.SCHOOL);
        Unit revoked = unit("1598b", "159802", UnitType.COMMUNITY);
        Unit applying = unit("1598c", "159801", UnitType.SCHOOL);
        Unit outside = unit("1598d", "159701", UnitType.SCHOOL);
        designations.insert(named.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "测试");
        designations.insert(revoked.id(), Level.BANNER, null, DesignationStatus.REVOKED, null, "测试");
        designations.insert(applying.id(), Level.BANNER, null, DesignationStatus.APPLYING, null, "测试");
        designations.insert(outside.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "测试");
        String sql = kind.memberSql(request("活动月总结", "请报送", due, "UNITS", null));

        assertThat(keys(sql, "1598%", "159800", null, null, null)).containsExactly(
                "unit:" + named.id(), "unit:" + revoked.id(), "unit:" + applying.id());
        assertThat(keys(sql, "1598%", "159800", null, "SCHOOL", null)).containsExactly("unit:" + named.id(), "unit:" + applying.id());
        assertThat(keys(sql, "1598%", "159800", "BANNER", null, null)).as("holding the title").containsExactly("unit:" + named.id());
        assertThat(keys(sql, "1598%", "159800", null, null, "REVOKED")).containsExactly("unit:" + revoked.id());
        assertThat(keys(sql, "1598%", "159800", "CITY", null, null)).isEmpty();
        assertThat(keys(sql, "159802", "159802", null, null, null)).containsExactly("unit:" + revoked.id());

        Map<String, Object> payload = ReportRequestFixture.payload(rows(sql, "159801", "159801", "BANNER", "SCHOOL", null)
                .get(0).get("payload"));
        assertThat(payload).containsEntry("memberKey", "unit:" + named.id()).containsEntry("memberType", "UNIT")
                .containsEntry("unitId", named.id()).containsEntry("memberName", named.name())
                .containsEntry("unitContact", named.contactUser()).containsEntry("contactName", named.contactName())
                .containsEntry("contactEmail", named.contactEmail()).containsEntry("regionCode", "159801")
                .containsEntry("candidateGroup", null);
        // The payload is all a start needs.
        ProcessInstance instance = fixture.start(ReportRequestFixture.newLaunchId(), "159800", due, payload);
        assertThat(instance).isWaitingAt("SubmitReport").task().isAssignedTo(named.contactUser());
    }

    @Test
    void theCommissionsBelowTheLaunchRegion() {
        group("commission-159900", "测试市民委");
        group("commission-159901", "测试一旗民委");
        group("commission-159902", "");
        group("commission-159800", "测试另一市民委");
        group("prelim-159901", "测试一旗初审");
        group("commission-15990", "编码不全的组");
        String sql = kind.memberSql(request("活动月总结", "请报送", due, "COMMISSIONS", null));

        assertThat(keys(sql, "1599%", "159900", null, null, null)).containsExactly("commission:159901", "commission:159902");
        assertThat(keys(sql, "1599%", "159900", "BANNER", null, null)).containsExactly("commission:159901", "commission:159902");
        assertThat(keys(sql, "1599%", "159900", "CITY", null, null)).isEmpty();
        assertThat(keys(sql, "159901", "159901", null, null, null)).as("a banner has no commission below it").isEmpty();
        List<String> cities = keys(sql, "15%", "150000", "CITY", null, null);
        assertThat(cities).contains("commission:159800", "commission:159900")
                .allMatch(k -> k.endsWith("00") && !k.endsWith("0000"));

        List<Map<String, String>> rows = rows(sql, "1599%", "159900", null, null, null);
        Map<String, Object> first = ReportRequestFixture.payload(rows.get(0).get("payload"));
        assertThat(first).containsEntry("memberKey", "commission:159901").containsEntry("memberType", "COMMISSION")
                .containsEntry("memberName", "测试一旗民委").containsEntry("candidateGroup", "commission-159901")
                .containsEntry("regionCode", "159901").containsEntry("unitContact", null);
        assertThat(ReportRequestFixture.payload(rows.get(1).get("payload"))).as("a group without a name: its id")
                .containsEntry("memberName", "commission-159902");
        ProcessInstance instance = fixture.start(ReportRequestFixture.newLaunchId(), "159900", due, first);
        Task task = fixture.task(instance, "SubmitReport");
        assertThat(task.getAssignee()).isNull();
        assertThat(fixture.candidateGroups(task)).containsExactly("commission-159901");
    }

    /**
     * One statement over every unit of a region (in a transaction rolled back afterwards). 2,000 units
     * here; its time at 50,000 is ReportRequestSelectionBenchmark's, outside the suite.
     */
    @Test
    void everyUnitOfALargeRegionInOneStatement() {
        String sql = kind.memberSql(request("活动月总结", "请报送", due, "UNITS", null));
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        tx.executeWithoutResult(status -> {
            seedRegion(jdbc, 2_000);
            assertThat(rows(sql, "1596%", "159600", null, null, null)).hasSize(2_000);
            assertThat(rows(sql, "1596%", "159600", "BANNER", null, null)).hasSize(1_000);
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM registry.unit WHERE region_code LIKE '1596%'").query(Long.class).single())
                .isZero();
    }

    /** {@code count} units over the banners 159610-159699, every second one holding a banner title. */
    static void seedRegion(JdbcClient jdbc, int count) {
        jdbc.sql("""
                INSERT INTO registry.unit (name, unit_type, region_code, contact_user, contact_name, contact_email)
                SELECT '压测单位' || n, 'SCHOOL', '1596' || lpad((n % 90 + 10)::text, 2, '0'), 'load' || n, '联系人', 'load' || n || '@test.example'
                FROM generate_series(1, ?) n""").param(count).update();
        jdbc.sql("""
                INSERT INTO registry.designation (unit_id, level, status)
                SELECT id, 'BANNER', 'NAMED' FROM registry.unit WHERE region_code LIKE '1596%' AND id % 2 = 0""").update();
        jdbc.sql("ANALYZE registry.unit").update();
        jdbc.sql("ANALYZE registry.designation").update();
    }

    // ---------------------------------------------------------------- helpers

    static LaunchRequest request(String title, String instructions, LocalDate due, String audience, String unitType) {
        return new LaunchRequest("REPORT_REQUEST", title, "150525", null, unitType, null, null, due, null, instructions, audience);
    }

    private void refused(LaunchRequest request, String message) {
        assertThatThrownBy(() -> kind.check(request, TestClock.today())).isInstanceOf(RuleViolation.class)
                .hasMessageContaining(message);
    }

    /** The member rows with every parameter bound as the launcher binds them. */
    private List<Map<String, String>> rows(String sql, String pattern, String region, String level, String unitType,
                                           String status) {
        return rows(jdbc, sql, pattern, region, level, unitType, status);
    }

    static List<Map<String, String>> rows(JdbcClient jdbc, String sql, String pattern, String region, String level,
                                          String unitType, String status) {
        Map<String, Object> params = new HashMap<>();
        params.put("launchId", 1L);
        params.put("regionPattern", pattern);
        params.put("regionCode", region);
        params.put("level", level);
        params.put("unitType", unitType);
        params.put("status", status);
        params.put("year", null);
        params.put("zone", "Asia/Shanghai");
        return jdbc.sql(sql).params(params)
                .query((rs, n) -> Map.of("key", rs.getString("member_key"), "payload", rs.getString("payload"))).list();
    }

    private List<String> keys(String sql, String pattern, String region, String level, String unitType, String status) {
        return rows(sql, pattern, region, level, unitType, status).stream().map(r -> r.get("key")).toList();
    }

    private Unit unit(String name, String region, UnitType type) {
        String user = "rq" + name + System.nanoTime() % 100000;
        return units.insert(new Unit(null, "报送测试单位" + name, type, region, user, "联系人" + name, user + "@test.example"));
    }

    private void group(String id, String name) {
        if (engine.getIdentityService().createGroupQuery().groupId(id).count() == 0) {
            Group group = engine.getIdentityService().newGroup(id);
            group.setName(name);
            engine.getIdentityService().saveGroup(group);
        }
    }
}
