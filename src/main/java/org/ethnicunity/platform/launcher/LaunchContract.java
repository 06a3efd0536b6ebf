package org.ethnicunity.platform.launcher;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ethnicunity.platform.contract.ProcessContract;
import org.ethnicunity.platform.contract.Subject;
import org.ethnicunity.platform.contract.Variable;
import org.ethnicunity.platform.launcher.SelectionOptions.LevelOption;
import org.ethnicunity.platform.launcher.SelectionOptions.StatusOption;
import org.ethnicunity.platform.launcher.SelectionOptions.UnitTypeOption;

/**
 * The launch's variables ({@code bpmn/launch.bpmn}, start form {@code launch-start}): what is asked,
 * and the progress Cockpit shows. The second group is what every member's instance gets from its
 * launch ({@link #memberVariables}): the members' contracts name these same variables as their own,
 * as they name {@link Subject}'s, so a launch hands over under the receiving process's names.
 */
public final class LaunchContract implements ProcessContract {

    public static final String PROCESS_KEY = "launch";

    // The start form.
    public static final Variable<LaunchMatter> LAUNCH_KIND = Variable.choice("launchKind", "发起事项", LaunchMatter.class);
    public static final Variable<String> LAUNCH_TITLE = Variable.text("launchTitle", "标题", 200);
    public static final Variable<String> REGION_CODE = Subject.REGION_CODE;
    public static final Variable<LevelOption> LEVEL = Variable.choice("level", "称号级别", LevelOption.class);
    public static final Variable<UnitTypeOption> UNIT_TYPE = Variable.choice("unitType", "单位类型", UnitTypeOption.class);
    public static final Variable<StatusOption> DESIGNATION_STATUS =
            Variable.choice("designationStatus", "称号状态", StatusOption.class);
    public static final Variable<Integer> REVIEW_YEAR = Variable.integer("reviewYear", "评估年度");
    public static final Variable<Audience> AUDIENCE = Variable.choice("audience", "报送对象", Audience.class);
    public static final Variable<String> INSTRUCTIONS = Variable.text("instructions", "报送要求");
    public static final Variable<LocalDate> REPORT_DUE_DATE = Variable.date("reportDueDate", "报送截止日期");
    public static final Variable<LocalDate> FINAL_DEADLINE = Variable.date("finalDeadline", "最终期限");

    // The progress, for Cockpit and the model's loop.
    public static final Variable<Long> LAUNCH_ID = Subject.LAUNCH_ID;
    public static final Variable<Integer> LAUNCH_TOTAL = Variable.integer("launchTotal", "发起对象数");
    public static final Variable<Integer> LAUNCH_STARTED = Variable.integer("launchStarted", "已发起");
    public static final Variable<Integer> LAUNCH_FAILED = Variable.integer("launchFailed", "发起失败");
    public static final Variable<Boolean> LAUNCH_PENDING = Variable.flag("launchPending", "尚有待发起");
    public static final Variable<Boolean> LAUNCH_CANCELLED = Variable.flag("launchCancelled", "已取消");
    public static final Variable<String> LAUNCH_PROGRESS = Variable.text("launchProgress", "发起进度");

    // What the members get besides the launch's id, title, kind, dates, year and instructions above.
    /** The region of the commission that launched: a report request's reviewers. */
    public static final Variable<String> REQUESTER_REGION_CODE = Variable.text("requesterRegionCode", "发起民委", 12);
    public static final Variable<String> LAUNCHED_BY = Variable.text("launchedBy", "发起人", 64);

    @Override
    public List<String> processKeys() {
        return List.of(PROCESS_KEY);
    }

    /**
     * The variables every member's instance gets from its launch (docs/campaigns.md lists them); the
     * rest of a member's start comes with its selection ({@link LaunchKind#memberSql}). A variable
     * costs a runtime row and two history rows per instance: unset ones are left out.
     */
    static Map<String, Object> memberVariables(Launch launch) {
        Map<String, Object> v = new LinkedHashMap<>();
        LAUNCH_ID.put(v, launch.id());
        LAUNCH_TITLE.put(v, launch.title());
        LAUNCH_KIND.put(v, LaunchMatter.valueOf(launch.kind()));
        REQUESTER_REGION_CODE.put(v, launch.regionCode());
        LAUNCHED_BY.put(v, launch.launchedBy());
        REPORT_DUE_DATE.put(v, launch.dueDate());
        FINAL_DEADLINE.put(v, launch.finalDeadline());
        REVIEW_YEAR.put(v, launch.reviewYear());
        INSTRUCTIONS.put(v, launch.instructions());
        v.values().removeIf(Objects::isNull);
        return v;
    }
}
