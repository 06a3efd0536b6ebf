package org.ethnicunity.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.scheduling.support.SimpleTriggerContext;

/**
 * The nightly outbox purge: sent mails older than app.mail.keep-sent-days (90 by default) go, younger
 * and unsent ones stay, and a second run finds nothing. The rows are dated 2020, older than any other
 * test's mails, so the purge leaves those alone.
 */
class OutboxPurgeTest extends IntegrationTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime NOW = ZonedDateTime.of(2020, 6, 1, 12, 0, 0, 0, BEIJING).toOffsetDateTime();

    @Autowired OutboxPurge purge;
    @Autowired JdbcClient jdbc;
    @Autowired ScheduledTaskHolder scheduledTasks;

    private final List<Long> rows = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        TestClock.pin();
        if (!rows.isEmpty()) {
            jdbc.sql("DELETE FROM registry.mail_outbox WHERE id IN (:ids)").param("ids", rows).update();
        }
    }

    @Test
    void sentMailsOlderThanNinetyDaysAreDeletedYoungerAndUnsentOnesStay() {
        ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
        long old = sent(NOW.minusDays(90).minusMinutes(1));
        long young = sent(NOW.minusDays(90).plusMinutes(1));
        long unsent = unsent(NOW.minusDays(400));

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);
        assertThat(remaining()).containsExactlyInAnyOrder(young, unsent).doesNotContain(old);

        assertThat(purge.purge()).as("a second run, or a second node").isZero();
        assertThat(remaining()).containsExactlyInAnyOrder(young, unsent);
    }

    @Test
    void itRunsEveryNightAtHalfPastMidnightBeijingTime() {
        CronTrigger trigger = scheduledTasks.getScheduledTasks().stream().map(ScheduledTask::getTask)
                .filter(task -> task instanceof CronTask && task.toString().contains("OutboxPurge.purge"))
                .map(task -> (CronTrigger) ((CronTask) task).getTrigger())
                .findFirst().orElseThrow();
        Instant saturdayNoon = ZonedDateTime.of(2026, 12, 12, 12, 0, 0, 0, BEIJING).toInstant();
        Instant next = trigger.nextExecution(new SimpleTriggerContext(Clock.fixed(saturdayNoon, ZoneId.of("UTC"))));
        assertThat(next).isEqualTo(ZonedDateTime.of(2026, 12, 13, 0, 30, 0, 0, BEIJING).toInstant());
    }

    @Test
    void keepingSentMailsForLessThanADayIsRefused() {
        assertThatThrownBy(() -> new OutboxPurge(null, new BusinessClock("Asia/Shanghai"), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("app.mail.keep-sent-days 至少为 1 天");
    }

    private long sent(OffsetDateTime at) {
        return row(at, at, 1);
    }

    /** Failing for a long time: its next attempt lies far ahead, so no other test's sender picks it up. */
    private long unsent(OffsetDateTime created) {
        return row(created, null, 40);
    }

    private long row(OffsetDateTime created, OffsetDateTime sent, int attempts) {
        long id = jdbc.sql("""
                INSERT INTO registry.mail_outbox (recipient, subject, text_body, html_body, created_at, attempts,
                    next_attempt_at, sent_at, last_error)
                VALUES ('purge@test.example', '测试', '正文', '<p>正文</p>', ?, ?, ?, ?, ?) RETURNING id""")
                .params(created, attempts, sent == null ? NOW.plusYears(100) : created, sent,
                        sent == null ? "550 mailbox unavailable" : null)
                .query(Long.class).single();
        rows.add(id);
        return id;
    }

    private List<Long> remaining() {
        return jdbc.sql("SELECT id FROM registry.mail_outbox WHERE id IN (:ids)").param("ids", rows)
                .query(Long.class).list();
    }
}
