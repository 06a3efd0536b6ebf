package org.ethnicunity.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.ethnicunity.platform.engine.RuleViolation;
import org.junit.jupiter.api.Test;

/** The one way submitted values are read: each kind's accepted shapes and its refusals in Chinese. */
class VariableTest {

    private static final Variable<String> TEXT = Variable.text("comment", "审核意见", 10);
    private static final Variable<Long> ID = Subject.DESIGNATION_ID;
    private static final Variable<ExitGrounds> GROUNDS = ExitStart.EXIT_GROUNDS;

    @Test
    void textIsTrimmedBlankIsMissingAndTooLongOrNotTextIsRefused() {
        assertThat(TEXT.read("  好  ")).isEqualTo("好");
        assertThat(TEXT.read("   ")).isNull();
        assertThatThrownBy(() -> TEXT.requireFrom(Map.of("comment", " "))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("请填写「审核意见」");
        assertThatThrownBy(() -> TEXT.read("一二三四五六七八九十一")).hasMessageContaining("「审核意见」不能超过 10 字");
        assertThatThrownBy(() -> TEXT.read(42)).hasMessageContaining("「审核意见」须为文字");
    }

    @Test
    void anIdIsAPositiveNumberOfAtMost18Digits() {
        assertThat(ID.read(7)).isEqualTo(7L);
        assertThat(ID.read(" 12 ")).isEqualTo(12L);
        assertThat(ID.read(12L)).isEqualTo(12L);
        for (Object bad : new Object[] {"0", "-3", "1e3", "abc", "1234567890123456789", 1.5d}) {
            assertThatThrownBy(() -> ID.read(bad)).as(String.valueOf(bad)).isInstanceOf(RuleViolation.class)
                    .hasMessageContaining("「命名记录编号」须为正整数编号");
        }
    }

    @Test
    void aChoiceIsOneOfItsOptionsAndTheRefusalListsTheirLabels() {
        assertThat(GROUNDS.read("FRAUD")).isEqualTo(ExitGrounds.FRAUD);
        assertThat(GROUNDS.stored(ExitGrounds.FRAUD)).isEqualTo("FRAUD");
        assertThatThrownBy(() -> GROUNDS.read("LOST")).hasMessageContaining("请选择「退出事由」（一票否决事件、弄虚作假")
                .hasMessageContaining("收到的「LOST」不是有效选项");
        assertThatThrownBy(() -> GROUNDS.requireFrom(Map.of())).hasMessageContaining("请选择「退出事由」");
    }

    @Test
    void numbersFlagsAndDays() {
        Variable<Integer> year = Variable.integer("reviewYear", "评估年度");
        assertThat(year.read("2026")).isEqualTo(2026);
        assertThat(year.read(2026L)).isEqualTo(2026);
        assertThatThrownBy(() -> year.read("2026.5")).hasMessageContaining("「评估年度」须为整数");
        Variable<Double> points = Variable.number("score", "得分");
        assertThat(points.read("98.5")).isEqualTo(98.5);
        assertThatThrownBy(() -> points.read(Double.NaN)).hasMessageContaining("「得分」须为数字");
        assertThatThrownBy(() -> points.read("NaN")).hasMessageContaining("「得分」须为数字");
        Variable<Boolean> flag = Variable.flag("vetoed", "一票否决");
        assertThat(flag.read("true")).isTrue();
        assertThatThrownBy(() -> flag.read("yes")).hasMessageContaining("「一票否决」须为「是」或「否」");
        Variable<LocalDate> day = Variable.date("documentDate", "发文日期");
        assertThat(day.read("2026-06-15T00:00:00")).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(day.stored(LocalDate.of(2026, 6, 15))).isEqualTo("2026-06-15");
        assertThatThrownBy(() -> day.read("15.06.2026")).hasMessageContaining("「发文日期」须为日期");
    }

    @Test
    void aHandOverCarriesTheReceivingContractsNamesAndStoredForms() {
        Map<String, Object> start = ExitStart.of(5, ExitGrounds.ANNUAL_REVIEW_FAILED_TWICE, "两年不合格");
        assertThat(start).containsEntry("designationId", 5L).containsEntry("exitGrounds", "ANNUAL_REVIEW_FAILED_TWICE")
                .containsEntry("exitGroundsDetail", "两年不合格");
        assertThat(ReinspectionStart.REINSPECTION_TRIGGER.from(ReinspectionStart.of(5, ReinspectionTrigger.EXIT_DECISION, true)))
                .isEqualTo(ReinspectionTrigger.EXIT_DECISION);
        assertThat(TEXT.put(new HashMap<>(), null)).containsEntry("comment", null);
    }
}
