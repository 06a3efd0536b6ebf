package org.ethnicunity.platform.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.security.Roles;

/**
 * A unit of its own, named (or declined) through the nomination process with the engine's clock
 * pinned to a date of each step in March 2026, so its history reads like a real one. The caller
 * pins the clock back ({@code TestClock.pin()}) after the test.
 */
class NamedThroughTheProcess {

    static final String PASSWORD = "secret-page";
    private static final AtomicInteger CAMPAIGNS = new AtomicInteger();

    private final ProcessEngine engine;
    private final UnitRepository units;
    private final DesignationRepository designations;
    private final NominationFixture fixture;
    private final Campaign campaign;

    NamedThroughTheProcess(ProcessEngine engine, UnitRepository units, CampaignRepository campaigns,
                           DesignationRepository designations, IndicatorSetRepository indicatorSets) {
        this.engine = engine;
        this.units = units;
        this.designations = designations;
        this.fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        long bannerSet = indicatorSets.ids().stream()
                .filter(id -> indicatorSets.find(id).orElseThrow().level().equals(Level.BANNER.name())).findFirst().orElseThrow();
        this.campaign = campaigns.insert(new Campaign(null, "2026-BANNER-150525-P" + CAMPAIGNS.incrementAndGet(),
                "奈曼旗2026年度旗级民族团结进步示范单位评选", Level.BANNER, 2026, "150525",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 30, bannerSet));
    }

    Unit newUnit(String userId, String contactName, String unitName, UnitType type) {
        IdentityService identity = engine.getIdentityService();
        User user = identity.newUser(userId);
        user.setFirstName(contactName);
        user.setLastName("");
        user.setEmail(userId + "@test.example");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(userId, Roles.UNIT_CONTACTS);
        return units.insert(new Unit(null, unitName, type, "150525", userId, contactName, userId + "@test.example"));
    }

    Designation named(Unit unit, String documentNumber) {
        at("2026-03-02T09:30");
        ProcessInstance instance = fixture.apply(unit, campaign);
        at("2026-03-04T15:10");
        fixture.throughAssessment(instance, 19, 23, 18, 14, 13, 24);
        at("2026-03-09T10:20");
        fixture.review(instance, "LeadingGroupApproval", "leader1", "approvalDecision", "APPROVE", "approvalComment", "同意命名");
        at("2026-03-16T09:00");
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(instance.getId()).singleResult().getId());
        at("2026-03-17T11:45");
        fixture.nameBatch(campaign, documentNumber);
        return designation(unit);
    }

    Designation declinedAtPreliminaryReview(Unit unit, String reason) {
        at("2026-03-02T09:30");
        ProcessInstance instance = fixture.apply(unit, campaign);
        at("2026-03-03T14:00");
        fixture.review(instance, "PreliminaryReview", "prelim1", "prelimDecision", "DECLINE", "prelimComment", reason);
        return designation(unit);
    }

    private Designation designation(Unit unit) {
        return designations.findByUnit(unit.id()).get(0);
    }

    /** Pins the engine's clock to a local time in Inner Mongolia (UTC+8). */
    static void at(String localTime) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(localTime + ":00+08:00").toInstant()));
    }
}
