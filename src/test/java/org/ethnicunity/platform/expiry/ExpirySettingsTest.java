package org.ethnicunity.platform.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Settings that would tell nobody, or tell people twice, stop the start with the setting's name. */
class ExpirySettingsTest {

    private static final String DAILY = "R/2025-01-01T01:30+08:00/P1D";

    @Test
    void noticeDaysAndBatchSizeMustBePositive() {
        assertThatThrownBy(() -> new ExpirySettings(DAILY, 0, 200)).hasMessageContaining("app.expiry.notice-days");
        assertThatThrownBy(() -> new ExpirySettings(DAILY, 90, 0)).hasMessageContaining("app.expiry.batch-size");
        assertThat(new ExpirySchedule(new ExpirySettings(DAILY, 90, 200)).getCycle()).isEqualTo(DAILY);
    }

    @Test
    void aNoticeLongerAgoThanTheOutboxKeepsItsRecordIsRefused() {
        assertThatThrownBy(() -> new TitleExpiry(null, null, null, null, null, new ExpirySettings(DAILY, 120, 200), null, 90))
                .hasMessageContaining("app.expiry.notice-days（120）不能大于 app.mail.keep-sent-days（90）");
    }
}
