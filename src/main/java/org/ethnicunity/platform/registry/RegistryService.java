package org.ethnicunity.platform.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.registry.designation.DesignationTransitions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's rules: who may apply for what, and every change of a designation's state with its
 * event. Called from process delegates inside the engine's transaction, so a refused rule rolls the
 * whole step back.
 */
@Service
public class RegistryService {

    private final UnitRepository units;
    private final CampaignRepository campaigns;
    private final DesignationRepository designations;
    private final RegistryRules rules;
    private final BusinessClock clock;
    private final DynamicProcedures procedures;
    private final ApplicationEventPublisher events;
    private static final java.util.Set<DesignationStatus> PROCEDURE_STATES = java.util.EnumSet.of(
            DesignationStatus.UNDER_REINSPECTION, DesignationStatus.RECTIFYING, DesignationStatus.IN_EXIT);

    RegistryService(UnitRepository units, CampaignRepository campaigns, DesignationRepository designations,
                    RegistryRules rules, BusinessClock clock, DynamicProcedures procedures,
                    ApplicationEventPublisher events) {
        this.units = units;
        this.campaigns = campaigns;
        this.designations = designations;
        this.rules = rules;
        this.clock = clock;
        this.procedures = procedures;
        this.events = events;
    }

    public Unit unit(long id) {
        return units.find(id).orElseThrow(() -> new RuleViolation("unitId", "找不到编号为 " + id + " 的单位"));
    }

    public Campaign campaign(long id) {
        return campaigns.find(id).orElseThrow(() -> new RuleViolation("campaignId", "找不到编号为 " + id + " 的评选批次"));
    }

    public Campaign campaignByCode(String code) {
        return campaigns.findByCode(code == null ? "" : code.trim()).orElseThrow(
                () -> new RuleViolation("campaignCode", "找不到评选批次「" + code + "」，请核对评选通知中的批次编号"));
    }

    /**
     * Locks the campaign's row until the caller's transaction ends, so that a check of what runs for the
     * campaign and what it then starts are one step for two people who start at the same moment.
     */
    @Transactional
    public Campaign lockCampaign(long id) {
        return campaigns.lock(id);
    }

    public Designation designation(long id) {
        return designations.find(id).orElseThrow(() -> new RuleViolation("designationId", "找不到编号为 " + id + " 的命名记录"));
    }

    /**
     * Checks every application rule and records the application (APPLYING) with its first event.
     * Throws {@link RuleViolation} with the reason when the unit may not apply.
     */
    @Transactional
    public Designation openApplication(Unit unit, Campaign campaign, String actor, String processInstanceId) {
        LocalDate today = clock.today();
        if (!campaign.isOpenOn(today)) {
            throw new RuleViolation("campaign.window", "评选批次「" + campaign.name() + "」的申报时间为 "
                    + campaign.applicationStart() + " 至 " + campaign.applicationEnd() + "，今天（" + today + "）不在申报期内");
        }
        if (!RegionCodes.covers(campaign.regionCode(), unit.regionCode())) {
            throw new RuleViolation("campaign.region", "「" + unit.name() + "」不在评选批次「" + campaign.name() + "」的行政区域内");
        }
        Level below = campaign.level().below();
        if (below != null && designations.findByUnitAndLevel(unit.id(), below, DesignationStatus.HOLDING).isEmpty()) {
            throw new RuleViolation("level.prerequisite", "申报" + campaign.level().label() + "示范单位须已获得"
                    + below.label() + "示范单位称号，「" + unit.name() + "」尚未获得");
        }
        List<Designation> same = designations.findByUnitAndLevel(unit.id(), campaign.level(), DesignationStatus.ACTIVE);
        if (!same.isEmpty()) {
            throw duplicate(unit, campaign, same.get(0));
        }
        Optional<LocalDate> revoked = designations.latestRevocation(unit.id());
        if (revoked.isPresent() && today.isBefore(revoked.get().plusYears(rules.revocationLockoutYears()))) {
            throw new RuleViolation("revocation.lockout", "「" + unit.name() + "」的称号于 " + revoked.get()
                    + " 被撤销，" + rules.revocationLockoutYears() + " 年内（" + revoked.get().plusYears(rules.revocationLockoutYears())
                    + " 前）不得再次申报");
        }
        long id;
        try {
            id = designations.insert(unit.id(), campaign.level(), campaign.id(), DesignationStatus.APPLYING,
                    processInstanceId, campaign.name());
        } catch (DuplicateKeyException race) {
            // Another application of the same unit and level committed between our check and insert.
            throw duplicate(unit, campaign, designations.findByUnitAndLevel(unit.id(), campaign.level(),
                    DesignationStatus.ACTIVE).get(0));
        }
        designations.insertEvent(id, null, DesignationStatus.APPLYING, actor, "提交申报：" + campaign.name(),
                processInstanceId, clock.now());
        return designation(id);
    }

    private static RuleViolation duplicate(Unit unit, Campaign campaign, Designation existing) {
        return new RuleViolation("level.duplicate", "「" + unit.name() + "」" + (DesignationStatus.HOLDING
                .contains(existing.status()) ? "已持有" : "正在申报") + campaign.level().label() + "示范单位称号（状态："
                + existing.status().label() + "），不能重复申报");
    }

    @Transactional
    public void changeStatus(long designationId, DesignationStatus to, String actor, String reason,
                             String processInstanceId) {
        changeStatus(designationId, to, actor, reason, processInstanceId, null);
    }

    /**
     * Moves the designation to another state, if {@link DesignationTransitions} has that step, and
     * records the event; a step to the state it is in changes nothing.
     */
    @Transactional
    public void changeStatus(long designationId, DesignationStatus to, String actor, String reason,
                             String processInstanceId, String documentNumber) {
        Designation d = designation(designationId);
        if (d.status() == to) {
            return;
        }
        DesignationTransitions.require(d.status(), to);
        requireProcedureOwner(d, processInstanceId);
        if (!designations.updateStatus(designationId, d.status(), to)) {
            throw changedMeanwhile(d);
        }
        designations.insertEvent(designationId, d.status(), to, actor, reason, processInstanceId, clock.now(),
                documentNumber);
        announceIfEnded(d, to, actor, processInstanceId);
    }

    private void announceIfEnded(Designation before, DesignationStatus to, String actor, String processInstanceId) {
        if (DesignationStatus.HOLDING.contains(before.status()) && !DesignationStatus.HOLDING.contains(to)) {
            events.publishEvent(new TitleEnded(before.id(), to, actor, processInstanceId));
        }
    }

    /** 撤销命名: the title is revoked by the granting body's document; the lockout starts today. */
    @Transactional
    public void revoke(long designationId, String documentNumber, String actor, String reason, String processInstanceId) {
        Designation d = designation(designationId);
        DesignationTransitions.require(d.status(), DesignationStatus.REVOKED);
        requireProcedureOwner(d, processInstanceId);
        if (!designations.recordRevocation(designationId, d.status(), clock.today())) {
            throw changedMeanwhile(d);
        }
        designations.insertEvent(designationId, d.status(), DesignationStatus.REVOKED, actor, reason, processInstanceId,
                clock.now(), documentNumber);
        announceIfEnded(d, DesignationStatus.REVOKED, actor, processInstanceId);
    }

    /**
     * Starts a dynamic-management procedure (re-inspection or exit) of a designation that holds its
     * title, moving it to {@code status}. Refused while another procedure of it runs: the database's
     * unique index decides, so of two simultaneous starts exactly one gets through.
     */
    @Transactional
    public void openProcedure(long designationId, String kind, DesignationStatus status, String actor, String reason,
                              String processInstanceId) {
        Designation d = designation(designationId);
        if (!DesignationStatus.HOLDING.contains(d.status())) {
            throw new RuleViolation("designation.notHolding", "该命名记录的状态为「" + d.status().label()
                    + "」，不持有称号，不能进行复核复检或退出程序");
        }
        if (!procedures.insert(designationId, kind, processInstanceId, clock.now())) {
            throw new RuleViolation("designation.procedureRunning", "该称号已有正在进行的"
                    + procedures.running(designationId).map(p -> label(p.kind()) + "（流程 " + p.processInstanceId() + "）")
                    .orElse("动态管理程序") + "，同一时间只能进行一项");
        }
        changeStatus(designationId, status, actor, reason, processInstanceId);
    }

    /** Ends the procedure of this process instance with its outcome (retained, rectify, revoked, ...). */
    @Transactional
    public void closeProcedure(String processInstanceId, String outcome) {
        if (!procedures.end(processInstanceId, outcome, clock.now())) {
            throw new RuleViolation("designation.procedureNotRunning", "流程 " + processInstanceId
                    + " 没有正在进行的复核复检或退出程序，不能结束 / no running procedure of this process instance");
        }
    }

    /**
     * The process instance that runs ends its procedure if it is still running (the instance was
     * deleted or cancelled, e.g. in Cockpit): the title goes back to NAMED. Nothing when the process
     * closed its procedure itself, or never had one.
     */
    @Transactional
    public void cancelProcedureOf(String processInstanceId, String actor) {
        procedures.runningOf(processInstanceId).ifPresent(procedure -> {
            if (PROCEDURE_STATES.contains(designation(procedure.designationId()).status())) {
                changeStatus(procedure.designationId(), DesignationStatus.NAMED, actor,
                        "流程被终止（删除或取消），" + label(procedure.kind()) + "未完成，恢复为已命名", processInstanceId);
            }
            procedures.end(processInstanceId, "CANCELLED", clock.now());
        });
    }

    /**
     * While a re-inspection or exit runs, only its own process instance changes the designation: a
     * second instance started "before" a later step, or a person's call, cannot revoke or restore it.
     */
    private void requireProcedureOwner(Designation d, String processInstanceId) {
        procedures.running(d.id()).ifPresent(procedure -> {
            if (!procedure.processInstanceId().equals(processInstanceId)) {
                throw new RuleViolation("designation.procedureOwner", "该称号正在进行" + label(procedure.kind()) + "（流程 "
                        + procedure.processInstanceId() + "），其状态只能由该流程改变 / only the running procedure changes it");
            }
        });
    }

    /**
     * Two steps on one designation at the same moment (say the daily expiry and the start of a
     * re-inspection) both read the same state; the second one's update finds the state changed and
     * is refused, so neither overwrites the other.
     */
    private RuleViolation changedMeanwhile(Designation read) {
        return new RuleViolation("designation.changed", "命名记录的状态刚刚由「" + read.status().label() + "」变为「"
                + designation(read.id()).status().label() + "」，本次操作未执行，请刷新后重试 / the designation changed meanwhile");
    }

    private static String label(String kind) {
        return switch (kind) {
            case "REINSPECTION" -> "复核复检";
            case "EXIT" -> "退出程序";
            default -> kind;
        };
    }

    /** Leading-group approval: the campaign's quota is checked under a row lock on the campaign. */
    @Transactional
    public void approve(long designationId, String actor, String reason, String processInstanceId) {
        Designation d = designation(designationId);
        Campaign campaign = campaigns.lock(d.campaignId());
        if (campaign.quota() != null) {
            int approved = designations.countInCampaign(campaign.id(), DesignationStatus.APPROVED);
            if (approved >= campaign.quota()) {
                throw new RuleViolation("campaign.quota", "评选批次「" + campaign.name() + "」名额已满（已批准 "
                        + approved + " 个，名额 " + campaign.quota() + " 个），不能再批准，请选择“不予批准”");
            }
        }
        changeStatus(designationId, DesignationStatus.IN_NOTICE, actor, reason, processInstanceId);
    }

    @Transactional
    public Designation name(long designationId, String documentNumber, boolean recommended, String actor,
                            String processInstanceId) {
        return name(designationId, documentNumber, clock.today(), recommended, actor, processInstanceId);
    }

    /** Names the title on the date of the naming document (命名文件的日期); it expires that many years later. */
    @Transactional
    public Designation name(long designationId, String documentNumber, LocalDate named, boolean recommended,
                            String actor, String processInstanceId) {
        Designation d = designation(designationId);
        DesignationTransitions.require(d.status(), DesignationStatus.NAMED);
        LocalDate expiry = named.plusYears(rules.titleValidityYears());
        designations.recordNaming(designationId, named, documentNumber, expiry, recommended);
        designations.insertEvent(designationId, d.status(), DesignationStatus.NAMED, actor,
                "命名，文号 " + documentNumber + (recommended ? "，推荐参加上一级评选" : ""), processInstanceId, clock.now(),
                documentNumber);
        return designation(designationId);
    }

}
