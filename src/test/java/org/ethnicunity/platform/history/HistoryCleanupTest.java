package org.ethnicunity.platform.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.BatchWindow;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What docs/operations.md promises of the history clean-up: a reminder sweep's run is deleted, with
 * its activities and variables, seven days after it ended, in a nightly window from 01:00 to 05:00
 * Beijing time whatever the JVM's time zone; an administrator can start a clean-up at once; a running
 * application's history is due ten years after its start and survives the clean-up meanwhile.
 * The sweeps run on a weekend, when they only record a skipped run and send nothing.
 */
class HistoryCleanupTest extends IntegrationTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @LocalServerPort int port;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;

    @AfterEach
    void resetClock() {
        TestClock.pin();
    }

    @Test
    void aSweepRunIsDeletedWithItsActivitiesAndVariablesSevenDaysAfterItEnded() {
        String older = sweepAt(at(2026, 12, 5, 10)); // Saturday
        assertThat(variables(older)).as("a run records its figures").isPositive();
        assertThat(activities(older)).isPositive();

        ClockUtil.setCurrentTime(at(2026, 12, 12, 9)); // an hour short of seven days
        cleanUpNow();
        assertThat(instance(older)).as("kept for seven days").isNotNull();

        String younger = sweepAt(at(2026, 12, 12, 10)); // Saturday
        ClockUtil.setCurrentTime(at(2026, 12, 13, 12)); // Sunday
        cleanUpNow();

        assertThat(instance(older)).isNull();
        assertThat(activities(older)).isZero();
        assertThat(variables(older)).isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceId(older).count()).isZero();
        assertThat(instance(younger)).isNotNull();
        assertThat(activities(younger)).isEqualTo(3);
        assertThat(variables(younger)).isPositive();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(younger).variableName("skipped")
                .singleResult().getValue()).isEqualTo("非工作日");
        // Done for today: the job waits for the next night's window, Monday 01:00 in Beijing.
        assertThat(history.findHistoryCleanupJobs()).isNotEmpty().allSatisfy(job ->
                assertThat(job.getDuedate()).isEqualTo(at(2026, 12, 14, 1)));
    }

    @Test
    void aRunningApplicationsHistoryIsDueTenYearsAfterItsStartAndOutlivesAYearsCleanUp() {
        NominationFixture fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        ProcessInstance running = fixture.apply(fixture.newUnit("150525"), fixture.openBannerCampaign(30));
        HistoricProcessInstance started = instance(running.getId());
        Date due = Date.from(started.getStartTime().toInstant().plus(3650, java.time.temporal.ChronoUnit.DAYS));
        // Written with each row (strategy "start"), not by updating them all when the instance ends.
        assertThat(started.getRemovalTime()).isEqualTo(due);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(running.getId()).list())
                .isNotEmpty().allSatisfy(activity -> assertThat(activity.getRemovalTime()).isEqualTo(due));
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(running.getId()).list())
                .isNotEmpty().allSatisfy(variable -> assertThat(variable.getRemovalTime()).isEqualTo(due));

        ClockUtil.setCurrentTime(Date.from(started.getStartTime().toInstant().plus(400, java.time.temporal.ChronoUnit.DAYS)));
        cleanUpNow();
        assertThat(instance(running.getId())).as("a year on, still there").isNotNull();
        assertThat(activities(running.getId())).isPositive();
    }

    @Test
    void theWindowIsOneToFiveAtNightInBeijingWhateverTheJvmTimeZone() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00+0800");
        assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0800");
        assertThat(config.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(config.getHistoryRemovalTimeStrategy()).isEqualTo("start");
        assertThat(config.getHistoryCleanupBatchSize()).isEqualTo(500);
        assertThat(config.getHistoryCleanupDegreeOfParallelism()).isEqualTo(1);
        assertThat(config.getBatchOperationHistoryTimeToLive()).isEqualTo("P30D");
        assertThat(config.getHistoryCleanupJobLogTimeToLive()).isEqualTo("P7D");
        assertThat(config.getTaskMetricsTimeToLive()).isEqualTo("P540D");
        assertThat(config.isHistoryCleanupEnabled()).isTrue();

        // The engine places the window with the JVM's default time zone: UTC in the Docker image.
        Date saturdayNoon = at(2026, 12, 12, 12);
        TimeZone jvmZone = TimeZone.getDefault();
        for (String zone : List.of("UTC", "Asia/Shanghai", "America/New_York")) {
            try {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                BatchWindow window = config.getBatchWindowManager().getCurrentOrNextBatchWindow(saturdayNoon, config);
                assertThat(window.getStart()).as(zone).isEqualTo(at(2026, 12, 13, 1));
                assertThat(window.getEnd()).as(zone).isEqualTo(at(2026, 12, 13, 5));
                assertThat(window.isWithin(at(2026, 12, 13, 4))).as(zone).isTrue();
            } finally {
                TimeZone.setDefault(jvmZone);
            }
        }
    }

    @Test
    void anAdministratorStartsACleanUpAtOnceOverRest() {
        ClockUtil.setCurrentTime(at(2026, 12, 13, 12));
        RestClient rest = new RestClient(port);
        RestClient.Response window = rest.get("admin", "demo", "/engine-rest/history/cleanup/configuration");
        assertThat(window.status()).isEqualTo(200);
        assertThat(instant(window.body().get("batchWindowStartTime").asText())).isEqualTo(at(2026, 12, 14, 1).toInstant());
        assertThat(instant(window.body().get("batchWindowEndTime").asText())).isEqualTo(at(2026, 12, 14, 5).toInstant());

        assertThat(rest.post("prelim1", "demo", "/engine-rest/history/cleanup?immediatelyDue=true", null).status())
                .as("administrators only").isEqualTo(403);
        assertThat(rest.post("admin", "demo", "/engine-rest/history/cleanup?immediatelyDue=true", null).status())
                .isEqualTo(200);
        assertThat(history.findHistoryCleanupJobs()).isNotEmpty().allSatisfy(job ->
                assertThat(job.getDuedate()).isEqualTo(at(2026, 12, 13, 12)));
    }

    @Test
    void everyModelAndDecisionKeepsItsHistoryForALimitedTime() {
        List<ProcessDefinition> processes = repository.createProcessDefinitionQuery().latestVersion().list();
        assertThat(processes).extracting(ProcessDefinition::getKey).contains("nomination", "reminderSweep");
        assertThat(processes).allSatisfy(p -> assertThat(p.getHistoryTimeToLive()).as(p.getKey()).isNotNull());
        assertThat(processes).filteredOn(p -> p.getKey().equals("reminderSweep"))
                .extracting(ProcessDefinition::getHistoryTimeToLive).containsExactly(7);
        assertThat(processes).filteredOn(p -> p.getKey().equals("nomination"))
                .extracting(ProcessDefinition::getHistoryTimeToLive).containsExactly(3650);

        List<DecisionDefinition> decisions = repository.createDecisionDefinitionQuery().latestVersion().list();
        assertThat(decisions).extracting(DecisionDefinition::getKey).contains("nominationGrading");
        assertThat(decisions).allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull());
        assertThat(decisions).filteredOn(d -> d.getKey().equals("nominationGrading"))
                .extracting(DecisionDefinition::getHistoryTimeToLive).containsExactly(3650);
    }

    /** Fires the sweep's timer as the job executor would; @return the id of the run it started */
    private String sweepAt(Date time) {
        ClockUtil.setCurrentTime(time);
        Set<String> before = sweepRuns();
        Job timer = management.createJobQuery().processDefinitionKey("reminderSweep").timers().singleResult();
        management.executeJob(timer.getId());
        Set<String> started = sweepRuns();
        started.removeAll(before);
        assertThat(started).hasSize(1);
        String id = started.iterator().next();
        assertThat(instance(id).getEndTime()).as("the run has ended").isEqualTo(time);
        return id;
    }

    /** What the clean-up job does in the night, started by hand at the pinned time until nothing is due. */
    private void cleanUpNow() {
        history.cleanUpHistoryAsync(true);
        for (int round = 0; round < 50; round++) {
            List<Job> due = history.findHistoryCleanupJobs().stream()
                    .filter(job -> !job.getDuedate().after(ClockUtil.getCurrentTime())).toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("history clean-up still due after 50 rounds");
    }

    private Set<String> sweepRuns() {
        Set<String> ids = new HashSet<>();
        history.createHistoricProcessInstanceQuery().processDefinitionKey("reminderSweep").list()
                .forEach(run -> ids.add(run.getId()));
        return ids;
    }

    private HistoricProcessInstance instance(String id) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private long activities(String id) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(id).count();
    }

    private long variables(String id) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(id).count();
    }

    private static Date at(int year, int month, int day, int hour) {
        return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, BEIJING).toInstant());
    }

    /** Camunda's REST dates: 2026-12-14T01:00:00.000+0800, in the JVM's time zone. */
    private static Instant instant(String restDate) {
        return OffsetDateTime.parse(restDate, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
    }
}
