package org.ethnicunity.platform.annualreview;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.launcher.LaunchRequest;
import org.junit.jupiter.api.Test;

/** What a commission may launch as 年度评估: this year or last, a due date, a final deadline not before it, held titles. */
class AnnualReviewLaunchCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 10);
    private final AnnualReviewLaunch launch = new AnnualReviewLaunch();

    @Test
    void describesItself() {
        org.assertj.core.api.Assertions.assertThat(launch.code()).isEqualTo("ANNUAL_REVIEW");
        org.assertj.core.api.Assertions.assertThat(launch.label()).isEqualTo("年度评估");
        org.assertj.core.api.Assertions.assertThat(launch.processKey()).isEqualTo("annual-review");
    }

    @Test
    void lastYearsReviewInJanuaryAndThisYearsAreAccepted() {
        assertThatCode(() -> launch.check(request(2026, TODAY.plusDays(10), TODAY.plusDays(20), null), TODAY)).doesNotThrowAnyException();
        assertThatCode(() -> launch.check(request(2027, TODAY.plusDays(10), TODAY.plusDays(10), "RECTIFYING"), TODAY))
                .doesNotThrowAnyException();
    }

    @Test
    void aYearOutsideThisAndLastIsRefused() {
        refused(request(null, TODAY, TODAY, null), "请填写「评估年度」");
        refused(request(2025, TODAY, TODAY, null), "「评估年度」只能是今年（2027）或去年（2026），收到的是 2025");
        refused(request(2028, TODAY, TODAY, null), "收到的是 2028");
    }

    @Test
    void theDatesMustBeThereInOrder() {
        refused(request(2027, null, TODAY, null), "请填写「报告截止日期」");
        refused(request(2027, TODAY, null, null), "请填写「最终期限」");
        refused(request(2027, TODAY.plusDays(10), TODAY.plusDays(9), null),
                "「最终期限」（2027-01-19）不能早于「报告截止日期」（2027-01-20）");
    }

    @Test
    void onlyTitleHoldingStatesMayBeSelected() {
        refused(request(2027, TODAY, TODAY, "REVOKED"), "年度评估只针对持有称号的命名记录");
        refused(request(2027, TODAY, TODAY, "nonsense"), "收到的是「nonsense」");
    }

    private void refused(LaunchRequest request, String message) {
        assertThatThrownBy(() -> launch.check(request, TODAY)).isInstanceOf(RuleViolation.class).hasMessageContaining(message);
    }

    private static LaunchRequest request(Integer year, LocalDate due, LocalDate last, String status) {
        return new LaunchRequest("ANNUAL_REVIEW", "年度评估", "150525", null, null, status, year, due, last, null, null);
    }
}
