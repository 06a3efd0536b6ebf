package org.ethnicunity.platform.launcher;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ethnicunity.platform.engine.Caller;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.UnitType;
import org.ethnicunity.platform.security.Roles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Checks a launch request against the caller's scope and the kind's rules, and records the launch
 * with its whole selection. Runs in the transaction that starts the launch's process instance: a
 * refusal leaves no launch, no member and no instance.
 */
@Service
class LaunchService {

    private static final int TITLE_MAX = 200;

    private final LaunchKinds kinds;
    private final LaunchRepository launches;
    private final LaunchFilters filters;
    private final BusinessClock clock;
    private final JdbcClient jdbc;

    LaunchService(LaunchKinds kinds, LaunchRepository launches, LaunchFilters filters, BusinessClock clock,
                  JdbcClient jdbc) {
        this.kinds = kinds;
        this.launches = launches;
        this.filters = filters;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Records the launch of this process instance; returns it with its member count. */
    Launch create(LaunchRequest raw, Caller caller, String processInstanceId) {
        LaunchKind kind = kinds.of(raw.kind());
        LaunchRequest request = normalized(raw, kind);
        requireScope(caller, request.regionCode());
        requireKnownRegion(request.regionCode());
        LocalDate today = clock.today();
        if (request.dueDate() != null && request.dueDate().isBefore(today)) {
            throw new RuleViolation("reportDueDate", "「报送截止日期」" + request.dueDate() + " 已过，请选择今天（" + today + "）或以后的日期");
        }
        if (request.finalDeadline() != null && request.dueDate() != null && request.finalDeadline().isBefore(request.dueDate())) {
            throw new RuleViolation("finalDeadline", "「最终期限」" + request.finalDeadline() + " 不能早于报送截止日期 " + request.dueDate());
        }
        kind.check(request, today);
        String launchedBy = caller == null || caller.getUserId() == null ? "system" : caller.getUserId();
        long id = launches.insert(request, launchedBy, processInstanceId, clock.now());
        int members = launches.insertMembers(id, kind.memberSql(request), selection(request));
        if (members == 0) {
            throw new RuleViolation("selection", "所选范围内（" + describe(request) + "）没有需要发起「" + kind.label()
                    + "」的对象，未发起任何流程 / the selection is empty");
        }
        launches.setFilter(id, filters.create(id, request.title(), request.regionCode()));
        return launches.find(id).orElseThrow();
    }

    private LaunchRequest normalized(LaunchRequest r, LaunchKind kind) {
        // A launch is a commission's, for its region with the townships and villages below it.
        String region = RegionCodes.requireCommissionCode("regionCode", r.regionCode());
        String level = trim(r.level());
        if (level != null) {
            level = Level.parse(level).name();
        }
        String unitType = trim(r.unitType());
        if (unitType != null) {
            unitType = UnitType.parse(unitType).name();
        }
        String status = trim(r.status());
        if (status != null) {
            String s = status;
            status = java.util.Arrays.stream(DesignationStatus.values()).filter(v -> v.name().equals(s) || v.label().equals(s))
                    .findFirst().orElseThrow(() -> new RuleViolation("designationStatus", "未知的称号状态：" + s)).name();
        }
        String title = trim(r.title());
        if (title == null && !kind.needsTitle()) {
            title = (r.year() == null ? "" : String.valueOf(r.year())) + kind.label() + "（" + region + "）";
        }
        if (title != null && title.length() > TITLE_MAX) {
            throw new RuleViolation("launchTitle", "「标题」不能超过 " + TITLE_MAX + " 字");
        }
        return new LaunchRequest(kind.code(), title, region, level, unitType, status, r.year(), r.dueDate(),
                r.finalDeadline(), trim(r.instructions()), trim(r.audience()));
    }

    /** Commission staff launch for their own region and the regions below it; administrators for any. */
    private void requireScope(Caller caller, String regionCode) {
        if (caller == null || caller.getUserId() == null) {
            return;
        }
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        if (groups.contains(Roles.ADMIN)) {
            return;
        }
        List<String> scopes = groups.stream().filter(g -> g.startsWith(Roles.COMMISSION + "-"))
                .map(g -> g.substring(Roles.COMMISSION.length() + 1)).toList();
        if (scopes.stream().noneMatch(scope -> RegionCodes.covers(scope, regionCode))) {
            throw new RuleViolation("regionCode", scopes.isEmpty()
                    ? "只有民委（创建办）工作人员可以批量发起"
                    : "您只能为本级及下级地区批量发起（您的范围：" + String.join("、", scopes) + "），" + regionCode + " 不在其内");
        }
    }

    /** A region the platform knows: a group of some role, or a unit, is there. */
    private void requireKnownRegion(String regionCode) {
        boolean known = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM act_id_group WHERE id_ LIKE :suffix)
                    OR EXISTS (SELECT 1 FROM registry.unit WHERE region_code LIKE :pattern)""")
                .param("suffix", "%-" + regionCode).param("pattern", RegionCodes.likePattern(regionCode))
                .query(Boolean.class).single();
        if (!known) {
            throw new RuleViolation("regionCode", "未知的行政区划：" + regionCode + "（平台中没有该地区的单位或工作组）");
        }
    }

    Map<String, Object> selection(LaunchRequest r) {
        Map<String, Object> params = new HashMap<>();
        params.put("regionCode", r.regionCode());
        params.put("regionPattern", RegionCodes.likePattern(r.regionCode()));
        params.put("level", r.level());
        params.put("unitType", r.unitType());
        params.put("status", r.status());
        params.put("year", r.year());
        params.put("zone", clock.zone().getId());
        params.put("today", clock.today());
        return params;
    }

    private String describe(LaunchRequest r) {
        StringBuilder s = new StringBuilder("地区 ").append(r.regionCode()).append(" 及下级");
        if (r.level() != null) {
            s.append("，").append(Level.valueOf(r.level()).label());
        }
        if (r.unitType() != null) {
            s.append("，").append(UnitType.valueOf(r.unitType()).label());
        }
        if (r.status() != null) {
            s.append("，").append(DesignationStatus.valueOf(r.status()).label());
        }
        if (r.year() != null) {
            s.append("，").append(r.year()).append("年");
        }
        return s.toString();
    }

    /** The launch as visible now: a RUNNING launch whose instance was deleted (in Cockpit) is ended as cancelled. */
    Optional<Launch> current(long id) {
        Optional<Launch> launch = launches.find(id);
        if (launch.isPresent() && launch.get().endedAt() == null && !jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM act_ru_execution WHERE proc_inst_id_ = :pid)")
                .param("pid", launch.get().processInstanceId()).query(Boolean.class).single()) {
            launches.end(id, LaunchState.CANCELLED.name(), clock.now());
            return launches.find(id);
        }
        return launch;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
