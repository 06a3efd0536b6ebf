package org.ethnicunity.platform.nomination;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.engine.EngineClock;
import org.ethnicunity.platform.engine.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * The nomination's public side of the notice (公示): which applications are in their notice period
 * now, with what a published notice shows (unit, type, region, level, dates), and the door through
 * which an objection filed on the public page reaches the model: the same message as one registered
 * by commission staff, so it starts the same verification task (核实异议). An application counts as
 * in notice while it waits at the notice timer and the timer's date has not passed.
 */
@Component
public class PublicNotices {

    /** What a public notice shows of one application; nothing personal. */
    public record UnitInNotice(long designationId, String unitName, String unitTypeLabel, String regionCode,
                               String levelLabel, String campaignCode, String campaignName, Instant noticeStart,
                               Instant noticeEnd) {
    }

    /** A real-name objection from the public page, as the objector typed it (stored as text). */
    public record PublicObjection(String name, String contact, String email, String content, String evidenceLink) {
    }

    static final String REGISTERED_BY_PUBLIC_PAGE = "public-notice-page";
    private static final String NOTICE_TIMER = "NoticePeriodOver";
    private static final String RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RuntimeService runtime;
    private final ManagementService management;
    private final HistoryService history;
    private final BusinessClock clock;

    PublicNotices(RuntimeService runtime, ManagementService management, HistoryService history, BusinessClock clock) {
        this.runtime = runtime;
        this.management = management;
        this.history = history;
        this.clock = clock;
    }

    /** Every application in notice now, of every campaign, by campaign and unit name. */
    public List<UnitInNotice> inNotice() {
        return list(waitingAtNotice());
    }

    public List<UnitInNotice> inNotice(String campaignCode) {
        return list(waitingAtNotice().variableValueEquals(NominationContract.CAMPAIGN_CODE.name(), campaignCode));
    }

    /**
     * Files the objection against the application of that campaign and designation, if it is in notice
     * now. @return the receipt number (受理回执号) the objector keeps
     */
    public String object(String campaignCode, long designationId, PublicObjection objection) {
        ProcessInstance instance = waitingAtNotice().variableValueEquals(NominationContract.CAMPAIGN_CODE.name(), campaignCode)
                .variableValueEquals(NominationContract.DESIGNATION_ID.name(), NominationContract.DESIGNATION_ID.stored(designationId))
                .singleResult();
        if (instance == null || noticeEnd(instance.getId()).filter(end -> end.isAfter(now())).isEmpty()) {
            throw new RuleViolation("publicNotice", "该单位目前不在公示期内，不再受理对其的异议");
        }
        String receipt = newReceipt();
        try {
            ObjectionMessage.correlate(runtime, instance.getId(), new ObjectionMessage.Objection(objection.name(),
                    objection.contact(), objection.email(), objection.content(), objection.evidenceLink(), receipt,
                    REGISTERED_BY_PUBLIC_PAGE));
        } catch (MismatchingMessageCorrelationException e) {
            // The notice ended between the check and the message.
            throw new RuleViolation("publicNotice", "该单位的公示期刚刚结束，不再受理对其的异议");
        }
        return receipt;
    }

    private ProcessInstanceQuery waitingAtNotice() {
        return runtime.createProcessInstanceQuery().processDefinitionKey("nomination").activityIdIn(NOTICE_TIMER)
                .active();
    }

    private List<UnitInNotice> list(ProcessInstanceQuery query) {
        Instant now = now();
        return query.list().stream().map(this::entry).flatMap(Optional::stream)
                .filter(entry -> entry.noticeEnd().isAfter(now))
                .sorted(Comparator.comparing(UnitInNotice::campaignCode).thenComparing(UnitInNotice::unitName))
                .toList();
    }

    private Optional<UnitInNotice> entry(ProcessInstance instance) {
        Optional<Instant> end = noticeEnd(instance.getId());
        if (end.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> v = runtime.getVariables(instance.getId(), NominationContract.names(NominationContract.DESIGNATION_ID,
                NominationContract.UNIT_NAME, NominationContract.UNIT_TYPE_LABEL, NominationContract.REGION_CODE,
                NominationContract.LEVEL_LABEL, NominationContract.CAMPAIGN_CODE, NominationContract.CAMPAIGN_NAME));
        Instant start = history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("PublicNotice").list().stream().map(HistoricActivityInstance::getStartTime)
                .max(Date::compareTo).map(Date::toInstant).orElse(null);
        return Optional.of(new UnitInNotice(NominationContract.DESIGNATION_ID.requireFrom(v), NominationContract.UNIT_NAME.from(v),
                NominationContract.UNIT_TYPE_LABEL.from(v), NominationContract.REGION_CODE.from(v),
                NominationContract.LEVEL_LABEL.from(v), NominationContract.CAMPAIGN_CODE.from(v),
                NominationContract.CAMPAIGN_NAME.from(v), start, end.get()));
    }

    private Optional<Instant> noticeEnd(String processInstanceId) {
        List<Job> timers = management.createJobQuery().processInstanceId(processInstanceId).activityId(NOTICE_TIMER)
                .timers().list();
        return timers.stream().map(Job::getDuedate).filter(java.util.Objects::nonNull).map(Date::toInstant).findFirst();
    }

    private Instant now() {
        return EngineClock.instant();
    }

    /** E.g. GS20260615-K7Q2MZ: the day and six characters nobody mistakes for each other; unique. */
    private String newReceipt() {
        String day = DateTimeFormatter.ofPattern("yyyyMMdd").format(now().atZone(clock.zone()));
        while (true) {
            StringBuilder receipt = new StringBuilder("GS").append(day).append('-');
            for (int i = 0; i < 6; i++) {
                receipt.append(RECEIPT_ALPHABET.charAt(RANDOM.nextInt(RECEIPT_ALPHABET.length())));
            }
            if (history.createHistoricVariableInstanceQuery().variableValueEquals(NominationContract.OBJECTION_RECEIPT.name(), receipt.toString())
                    .count() == 0) {
                return receipt.toString();
            }
        }
    }
}
