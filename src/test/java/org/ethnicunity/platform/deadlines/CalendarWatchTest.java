package org.ethnicunity.platform.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ethnicunity.platform.deadlines.WorkingDayCalendarTest.source;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.mail.MailNotifier;
import org.ethnicunity.platform.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The warning about next year's missing calendar file, with the clock pinned around 1 October 2027
 * (the shipped files end with 2027): health, the administrators' weekly mail, and its end once the
 * 2028 file is there. Each test uses ISO weeks of its own, since the outbox keeps its keys.
 */
class CalendarWatchTest extends IntegrationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String ADMIN_WITH_MAIL = "caladmin1";
    private static final String ADMIN_WITHOUT_MAIL = "caladmin2";

    @LocalServerPort int port;
    @Autowired CalendarWatch watch;
    @Autowired WorkingDayCalendar calendar;
    @Autowired CalendarSettings settings;
    @Autowired ReminderSettings reminders;
    @Autowired BusinessClock clock;
    @Autowired MailNotifier mail;

    @BeforeEach
    void twoMoreAdministrators() {
        admin(ADMIN_WITH_MAIL, ADMIN_WITH_MAIL + "@test.example");
        admin(ADMIN_WITHOUT_MAIL, null);
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        engine.getIdentityService().deleteUser(ADMIN_WITH_MAIL);
        engine.getIdentityService().deleteUser(ADMIN_WITHOUT_MAIL);
    }

    @Test
    void beforeTheFirstOfOctoberAllIsWell() {
        at(2027, 9, 30, 10);
        assertThat(watch.check()).isZero();
        RestClient.Response health = new RestClient(port).get("admin", "demo", "/actuator/health/calendar");
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/details/lastYear").asInt()).isEqualTo(2027);
        assertThat(health.body().at("/details").has("missingFile")).isFalse();
        assertThat(mails()).isEmpty();
    }

    @Test
    void fromTheFirstOfOctoberHealthIsDegradedAndEachAdministratorGetsOneMailAWeek() {
        at(2027, 10, 1, 10); // a Friday, ISO week 2027-W39
        RestClient.Response health = new RestClient(port).get("admin", "demo", "/actuator/health/calendar");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.body().at("/details/lastYear").asInt()).isEqualTo(2027);
        assertThat(health.body().at("/details/fallbackFrom").asInt()).isEqualTo(2028);
        assertThat(health.body().at("/details/provisionalYears/0").asInt()).isEqualTo(2027);
        assertThat(health.body().at("/details/missingFile").asText()).isEqualTo("cn-2028.txt");

        assertThat(watch.check()).as("admin (demo) and caladmin1; caladmin2 has no address").isEqualTo(2);
        assertThat(mailsTo("admin@demo.example")).hasSize(1);
        List<Mail> received = mailsTo(ADMIN_WITH_MAIL + "@test.example");
        assertThat(received).hasSize(1);
        Mail notice = received.get(0);
        assertThat(notice.subject()).isEqualTo("【民族团结进步创建】工作日历缺少 2028 年数据，请补充 cn-2028.txt");
        assertThat(notice.text()).contains("只到 2027 年", "其中 2027 年的文件是临时数据", "cn-2028.txt",
                "源码目录 src/main/resources/calendar/", "不含国务院办公厅每年公布的调休上班日和补休", "自 2027-10-01 起每周");
        assertThat(notice.html()).contains("<b>cn-2028.txt</b>");

        assertThat(watch.check()).as("the same day again").isZero();
        at(2027, 10, 3, 10); // Sunday, the same week, on a second node
        CalendarWatch secondNode = new CalendarWatch(calendar, settings, reminders, clock, mail,
                engine.getIdentityService());
        assertThat(secondNode.check()).isZero();
        assertThat(mailsTo(ADMIN_WITH_MAIL + "@test.example")).hasSize(1);

        at(2027, 10, 4, 10); // Monday, a new week
        assertThat(watch.check()).isEqualTo(2);
        assertThat(mailsTo(ADMIN_WITH_MAIL + "@test.example")).hasSize(2);
    }

    @Test
    void theHourlyReminderSweepRunsTheCheck() {
        at(2027, 10, 11, 10); // ISO week 2027-W41
        Job timer = engine.getManagementService().createJobQuery().processDefinitionKey("reminderSweep").timers().singleResult();
        engine.getManagementService().executeJob(timer.getId());
        assertThat(mailsTo(ADMIN_WITH_MAIL + "@test.example")).extracting(Mail::subject)
                .containsExactly("【民族团结进步创建】工作日历缺少 2028 年数据，请补充 cn-2028.txt");
    }

    @Test
    void withTheNextYearsFileAllIsWellAndNobodyIsMailed() {
        at(2027, 10, 18, 10); // ISO week 2027-W42
        WorkingDayCalendar upTo2028 = WorkingDayCalendar.read(List.of(
                source("cn-2027.txt", "2027-01-01 holiday 元旦\n"), source("cn-2028.txt", "2028-01-01 holiday 元旦\n")));
        CalendarWatch withNextYear = new CalendarWatch(upTo2028, settings, reminders, clock, mail, engine.getIdentityService());
        Health health = new CalendarHealth(withNextYear).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("lastYear", 2028).containsEntry("fallbackFrom", 2029)
                .containsEntry("warnFrom", "2028-10-01").doesNotContainKey("missingFile");
        assertThat(withNextYear.check()).isZero();
        assertThat(mails()).isEmpty();
    }

    private void admin(String id, String email) {
        IdentityService identity = engine.getIdentityService();
        User user = identity.newUser(id);
        user.setFirstName("日历测试管理员");
        user.setLastName("");
        user.setEmail(email);
        user.setPassword("secret-" + id);
        identity.saveUser(user);
        identity.createMembership(id, Roles.ADMIN);
    }

    private static void at(int year, int month, int day, int hour) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, ZONE).toInstant()));
    }
}
