package org.ethnicunity.platform.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.ethnicunity.platform.FlowNodeCoverage;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.DesignationEvent;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;
import org.ethnicunity.platform.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Expiry (期满) on a moved clock, each test on a region of its own so that only its own commission
 * is told: the boundary day, the notice before, a title held by a running re-inspection, and what
 * an expired title still counts for when applying.
 */
class ExpiryTest extends IntegrationTest {

    @RegisterExtension
    static final FlowNodeCoverage COVERAGE = FlowNodeCoverage.of("titleExpiry", 2);

    private static final AtomicInteger REGIONS = new AtomicInteger(10);
    private static final AtomicInteger UNITS = new AtomicInteger();

    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired DesignationRepository designations;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired RegistryService registry;
    @Autowired TitleExpiry expiry;

    String region;
    String commissioner;

    @BeforeEach
    void ownRegion() {
        region = "1537" + REGIONS.incrementAndGet();
        commissioner = member("cm" + region, Roles.group(Roles.COMMISSION, region));
    }

    @AfterEach
    void pinClockAgain() {
        TestClock.pin();
    }

    @Test
    void aTitleExpiresOnItsExpiryDateAndNotTheDayBeforeThroughTheDailyProcess() {
        LocalDate day = TestClock.today().plusDays(10);
        Unit dueToday = unit(region);
        Unit dueTomorrow = unit(region);
        long today = named(dueToday, Level.BANNER, day, null);
        long tomorrow = named(dueTomorrow, Level.BANNER, day.plusDays(1), null);

        at(day);
        HistoricProcessInstance run = runTheProcess();
        assertThat(status(today)).isEqualTo(DesignationStatus.EXPIRED);
        assertThat(status(tomorrow)).isEqualTo(DesignationStatus.NAMED);
        DesignationEvent event = last(today);
        assertThat(event).extracting(DesignationEvent::fromStatus, DesignationEvent::toStatus, DesignationEvent::actor,
                        DesignationEvent::reason, DesignationEvent::processInstanceId)
                .containsExactly(DesignationStatus.NAMED, DesignationStatus.EXPIRED, "system",
                        "称号有效期满（有效期至 " + day + "）", run.getId());
        assertThat((Integer) variable(run, "expired")).isGreaterThanOrEqualTo(1);
        assertThat(mailsTo(dueToday.contactEmail())).extracting(Mail::subject)
                .containsExactly("【民族团结进步创建】称号期满：" + dueToday.name() + "（有效期至 " + day + "）");
        assertThat(mailsTo(dueToday.contactEmail()).get(0).text()).contains("已于 " + day + " 届满", "状态已变为“期满”",
                "新一轮评选批次中重新申报", "/registry/designations/" + today).doesNotContain("[(");
        assertThat(mailsTo(dueToday.contactEmail()).get(0).html()).contains("贵单位", day.toString());
        assertThat(mailsTo(commissioner + "@test.example")).extracting(Mail::subject).contains(
                "【民族团结进步创建】称号期满：" + dueToday.name() + "（有效期至 " + day + "）",
                "【民族团结进步创建】称号即将期满：" + dueTomorrow.name() + "（有效期至 " + day.plusDays(1) + "）");
        assertThat(mailsTo(dueTomorrow.contactEmail())).extracting(Mail::subject)
                .containsExactly("【民族团结进步创建】称号即将期满：" + dueTomorrow.name() + "（有效期至 " + day.plusDays(1) + "）");

        // The timer goes on daily at 01:30 Beijing time, whatever the server's zone.
        Job next = engine.getManagementService().createJobQuery().processDefinitionKey("titleExpiry").timers().singleResult();
        assertThat(next.getDuedate().toInstant().atZone(TestClock.ZONE).toLocalTime()).isEqualTo(LocalTime.of(1, 30));
        assertThat(next.getDuedate()).isAfter(Date.from(run.getStartTime().toInstant()));

        int events = designations.events(today).size();
        int mails = mails().size();
        assertThat(expiry.run(null).expired()).as("a second run the same day").isZero();
        assertThat(designations.events(today)).hasSize(events);
        assertThat(mails().size()).isEqualTo(mails);

        at(day.plusDays(1));
        runTheProcess();
        assertThat(status(tomorrow)).isEqualTo(DesignationStatus.EXPIRED);
        assertThat(designations.events(today)).as("nothing expires twice").hasSize(events);
        assertThat(mailsTo(dueToday.contactEmail())).hasSize(1);
        assertThat(mailsTo(dueTomorrow.contactEmail())).hasSize(2);
    }

    @Test
    void holderAndGrantingCommissionAreToldOnceNinetyDaysBefore() {
        String grantingRegion = "1538" + REGIONS.get();
        String granting = member("cg" + grantingRegion, Roles.group(Roles.COMMISSION, grantingRegion));
        Campaign campaign = campaigns.insert(new Campaign(null, "EXP-" + System.nanoTime(), "期满测试批次", Level.CITY,
                2021, grantingRegion, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 3, 1), null, cityIndicatorSet()));
        Unit unit = unit(region);
        LocalDate expires = TestClock.today().plusDays(100);
        long id = named(unit, Level.CITY, expires, campaign.id());

        at(expires.minusDays(91));
        expiry.run(null);
        assertThat(mailsTo(unit.contactEmail())).as("91 days before").isEmpty();

        at(expires.minusDays(90));
        assertThat(expiry.run(null).noticed()).isGreaterThanOrEqualTo(1);
        List<Mail> toUnit = mailsTo(unit.contactEmail());
        assertThat(toUnit).extracting(Mail::subject)
                .containsExactly("【民族团结进步创建】称号即将期满：" + unit.name() + "（有效期至 " + expires + "）");
        assertThat(toUnit.get(0).text()).contains("贵单位「" + unit.name() + "」的盟市级民族团结进步示范单位称号将于 "
                + expires + " 期满（还有 90 天）", "在称号期满后参加评选、重新申报", "/registry/designations/" + id);
        List<Mail> toCommission = mailsTo(granting + "@test.example");
        assertThat(toCommission).hasSize(1);
        assertThat(toCommission.get(0).text()).contains("本级命名的「" + unit.name() + "」", expires.toString());
        assertThat(mailsTo(commissioner + "@test.example")).as("the unit's own region did not grant it").isEmpty();

        at(expires.minusDays(89));
        expiry.run(null);
        assertThat(mailsTo(unit.contactEmail())).hasSize(1);
        assertThat(mailsTo(granting + "@test.example")).hasSize(1);
        assertThat(status(id)).isEqualTo(DesignationStatus.NAMED);
    }

    @Test
    void aTitleUnderReinspectionDoesNotExpireUntilTheProcedureEndsWithTheTitleKept() {
        Unit unit = unit(region);
        LocalDate expires = TestClock.today().plusDays(5);
        long id = named(unit, Level.BANNER, expires, null);
        String procedure = "pi-reinspection-" + id;
        registry.openProcedure(id, "REINSPECTION", DesignationStatus.UNDER_REINSPECTION, "cm" + region, "定期复核复检", procedure);

        at(expires);
        TitleExpiry.Run run = expiry.run(null);
        assertThat(run.pending()).isGreaterThanOrEqualTo(1);
        assertThat(status(id)).isEqualTo(DesignationStatus.UNDER_REINSPECTION);
        List<Mail> told = mailsTo(commissioner + "@test.example").stream()
                .filter(m -> m.subject().contains("有效期已满")).toList();
        assertThat(told).extracting(Mail::subject)
                .containsExactly("【民族团结进步创建】称号有效期已满，待复核复检结果办理：" + unit.name());
        assertThat(told.get(0).text()).contains("已于 " + expires + " 届满", "当前状态：复核复检中", "程序进行期间不作期满处理",
                "下一次每日期满处理中将其登记为“期满”");
        assertThat(mailsTo(unit.contactEmail())).as("the unit hears the outcome of the procedure").isEmpty();

        at(expires.plusDays(1));
        expiry.run(null);
        assertThat(status(id)).isEqualTo(DesignationStatus.UNDER_REINSPECTION);
        assertThat(mailsTo(commissioner + "@test.example").stream().filter(m -> m.subject().contains("有效期已满")))
                .as("told once").hasSize(1);

        at(expires.plusDays(20));
        registry.changeStatus(id, DesignationStatus.NAMED, "cm" + region, "复核合格，保留称号", procedure);
        registry.closeProcedure(procedure, "RETAINED");
        at(expires.plusDays(21));
        expiry.run(null);
        assertThat(status(id)).isEqualTo(DesignationStatus.EXPIRED);
        assertThat(last(id)).extracting(DesignationEvent::fromStatus, DesignationEvent::reason)
                .containsExactly(DesignationStatus.NAMED, "称号有效期满（有效期至 " + expires + "）");
        assertThat(mailsTo(unit.contactEmail())).extracting(Mail::subject)
                .containsExactly("【民族团结进步创建】称号期满：" + unit.name() + "（有效期至 " + expires + "）");
    }

    @Test
    void anExpiredBannerTitleMayBeAppliedForAgainButNoLongerOpensTheCityLevel() {
        NominationFixture fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        Unit unit = fixture.newUnit(region);
        long banner = named(unit, Level.BANNER, TestClock.today(), null);
        LocalDate today = TestClock.today();
        Campaign bannerCampaign = fixture.newCampaign(Level.BANNER, region, 30, today.minusDays(5), today.plusDays(5));
        Campaign cityCampaign = fixture.newCampaign(Level.CITY, region.substring(0, 4) + "00", 30,
                today.minusDays(5), today.plusDays(5));
        assertThatThrownBy(() -> fixture.apply(unit, bannerCampaign)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("已持有旗县级示范单位称号");

        expiry.run(null);
        assertThat(status(banner)).isEqualTo(DesignationStatus.EXPIRED);
        assertThatThrownBy(() -> fixture.apply(unit, cityCampaign)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("须已获得旗县级示范单位称号");
        assertThat(fixture.apply(unit, bannerCampaign)).isNotNull();
        assertThat(designations.findByUnit(unit.id())).extracting(d -> d.status())
                .containsExactly(DesignationStatus.EXPIRED, DesignationStatus.APPLYING);
    }

    // ---------------------------------------------------------------- helpers

    /** Fires the daily timer as the job executor would, then the run's asynchronous step. */
    private HistoricProcessInstance runTheProcess() {
        ManagementService management = engine.getManagementService();
        Set<String> before = runs();
        Job timer = management.createJobQuery().processDefinitionKey("titleExpiry").timers().singleResult();
        management.executeJob(timer.getId());
        Set<String> started = runs();
        started.removeAll(before);
        assertThat(started).hasSize(1);
        String id = started.iterator().next();
        management.executeJob(management.createJobQuery().processInstanceId(id).singleResult().getId());
        HistoricProcessInstance run = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(id).singleResult();
        assertThat(run.getEndTime()).as("the run has ended").isNotNull();
        return run;
    }

    private Set<String> runs() {
        Set<String> ids = new HashSet<>();
        engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("titleExpiry").list()
                .forEach(r -> ids.add(r.getId()));
        return ids;
    }

    private Object variable(HistoricProcessInstance run, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(run.getId())
                .variableName(name).singleResult().getValue();
    }

    private long named(Unit unit, Level level, LocalDate expires, Long campaignId) {
        long id = designations.insert(unit.id(), level, campaignId,
                DesignationStatus.NAMED, null, "历史命名");
        LocalDate named = expires.minusYears(5);
        designations.recordNaming(id, named, "测民创发〔" + named.getYear() + "〕" + id + "号", expires, false);
        return id;
    }

    private Unit unit(String regionCode) {
        int n = UNITS.incrementAndGet();
        String contact = "ex" + n + "u" + System.nanoTime() % 100000;
        return units.insert(new Unit(null, "期满测试单位" + n + "-" + contact, UnitType.SCHOOL, regionCode, contact,
                "联系人" + n, contact + "@test.example"));
    }

    private long cityIndicatorSet() {
        return indicatorSets.ids().stream()
                .filter(id -> indicatorSets.find(id).orElseThrow().level().equals(Level.CITY.name())).findFirst().orElseThrow();
    }

    private DesignationStatus status(long id) {
        return designations.find(id).orElseThrow().status();
    }

    private DesignationEvent last(long id) {
        List<DesignationEvent> events = designations.events(id);
        return events.get(events.size() - 1);
    }

    private static void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(day, LocalTime.of(2, 0), TestClock.ZONE).toInstant()));
    }
}
