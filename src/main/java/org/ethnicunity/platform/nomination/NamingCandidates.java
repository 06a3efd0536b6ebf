package org.ethnicunity.platform.nomination;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.springframework.stereotype.Component;

/**
 * Which applications of a campaign a naming decision takes: those waiting at 等待批量命名发文 (public
 * notice over, every objection answered). Those still in notice or with an objection being verified
 * are listed apart with why; they are named by a later batch, or declined if an objection is upheld.
 */
@Component
class NamingCandidates {

    static final String AWAITING = "AwaitNaming";
    private static final String NOTICE_TIMER = "NoticePeriodOver";
    private static final String OBJECTION = "VerifyObjection";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final DesignationRepository designations;
    private final BusinessClock clock;

    NamingCandidates(RuntimeService runtime, TaskService tasks, ManagementService management,
                     DesignationRepository designations, BusinessClock clock) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.designations = designations;
        this.clock = clock;
    }

    NamingList of(Campaign campaign) {
        List<NamingList.Entry> ready = instancesAt(campaign, AWAITING).stream().map(i -> entry(i, null)).toList();
        List<NamingList.Entry> waiting = instancesAt(campaign, NOTICE_TIMER, OBJECTION).stream()
                .map(i -> entry(i, why(i.getId()))).toList();
        return new NamingList(sorted(ready), sorted(waiting), campaign.quota(),
                designations.countInCampaign(campaign.id(), DesignationStatus.APPROVED),
                designations.countInCampaign(campaign.id(), DesignationStatus.HOLDING));
    }

    /** Whether this nomination instance still waits for a naming decision. */
    boolean awaiting(String processInstanceId) {
        return runtime.createExecutionQuery().processInstanceId(processInstanceId).activityId(AWAITING).count() > 0;
    }

    private List<ProcessInstance> instancesAt(Campaign campaign, String... activities) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("nomination").activityIdIn(activities)
                .variableValueEquals(NominationContract.CAMPAIGN_ID.name(), NominationContract.CAMPAIGN_ID.stored(campaign.id()))
                .active().list();
    }

    private String why(String processInstanceId) {
        long objections = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(OBJECTION).count();
        String notice = management.createJobQuery().processInstanceId(processInstanceId).activityId(NOTICE_TIMER).timers()
                .list().stream().map(Job::getDuedate).filter(java.util.Objects::nonNull).findFirst()
                .map(end -> "公示中，" + DAY.format(end.toInstant().atZone(clock.zone())) + " 期满").orElse(null);
        if (objections > 0) {
            return "异议核实中（" + objections + " 件未答复）" + (notice == null ? "" : "；" + notice) + "，答复后方可命名";
        }
        return notice == null ? "公示处理中" : notice;
    }

    private NamingList.Entry entry(ProcessInstance instance, String why) {
        Map<String, Object> v = runtime.getVariables(instance.getId(), NominationContract.names(NominationContract.DESIGNATION_ID,
                NominationContract.UNIT_NAME, NominationContract.UNIT_TYPE_LABEL, NominationContract.REGION_CODE,
                NominationContract.SITE_TOTAL, NominationContract.SITE_GRADE));
        return new NamingList.Entry(NominationContract.DESIGNATION_ID.requireFrom(v), instance.getId(),
                NominationContract.UNIT_NAME.from(v), NominationContract.UNIT_TYPE_LABEL.from(v),
                NominationContract.REGION_CODE.from(v), NominationContract.SITE_TOTAL.from(v),
                NominationContract.SITE_GRADE.from(v), why);
    }

    private static List<NamingList.Entry> sorted(List<NamingList.Entry> entries) {
        return entries.stream().sorted(Comparator.comparing(NamingList.Entry::regionCode)
                .thenComparing(NamingList.Entry::unitName)).toList();
    }
}
