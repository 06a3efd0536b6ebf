package org.ethnicunity.platform.launcher;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.engine.RaceLost;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.launcher.SelectionOptions.LevelOption;
import org.ethnicunity.platform.launcher.SelectionOptions.StatusOption;
import org.ethnicunity.platform.launcher.SelectionOptions.UnitTypeOption;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.UnitType;
import org.ethnicunity.platform.security.AccessDenied;
import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.security.Roles;
import org.ethnicunity.platform.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Launches over HTTP: start one (the same {@code launch} process the Tasklist form starts, as the
 * caller, so the same checks apply), follow its progress, list its members, cancel it. Commission
 * staff see the launches of their region and the regions below; administrators all.
 */
@RestController
@RequestMapping("/api/launches")
class LaunchController {

    private static final List<String> COMMISSION = List.of(Roles.COMMISSION);

    record LaunchBody(String kind, String title, String regionCode, String level, String unitType, String status,
                      Integer year, LocalDate dueDate, LocalDate finalDeadline, String instructions, String audience) {
    }

    private final RuntimeService runtime;
    private final LaunchRepository launches;
    private final LaunchService service;
    private final ApiAccess access;
    private final LaunchKinds kinds;

    LaunchController(RuntimeService runtime, LaunchRepository launches, LaunchService service, ApiAccess access,
                     LaunchKinds kinds) {
        this.kinds = kinds;
        this.runtime = runtime;
        this.launches = launches;
        this.service = service;
        this.access = access;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Launch launch(@RequestBody LaunchBody body) {
        access.userId();
        Map<String, Object> variables = startVariables(body);
        String instance;
        try {
            instance = runtime.startProcessInstanceByKey(LaunchContract.PROCESS_KEY, variables).getId();
        } catch (AuthorizationException e) {
            throw new AccessDenied("您（" + access.userId() + "）无权批量发起：只有民委（创建办）工作人员可以发起，"
                    + "新建的用户组须由管理员授权或重启后生效");
        }
        return launches.findByProcessInstance(instance)
                .orElseThrow(() -> new RuleViolation("launch", "批量发起未能登记 / launch not recorded"));
    }

    /**
     * The request as the start form would send it. The API has always taken a unit type or a state by
     * its label too, and names a refused value as the registry does; the form offers codes only.
     */
    private Map<String, Object> startVariables(LaunchBody body) {
        Map<String, Object> variables = new HashMap<>();
        LaunchContract.LAUNCH_KIND.put(variables, kinds.of(body.kind()).matter());
        LaunchContract.LAUNCH_TITLE.put(variables, body.title());
        LaunchContract.REGION_CODE.put(variables, body.regionCode());
        LaunchContract.LEVEL.put(variables, blank(body.level()) ? null : LevelOption.of(Level.parse(body.level().trim())));
        LaunchContract.UNIT_TYPE.put(variables, blank(body.unitType()) ? null : UnitTypeOption.of(UnitType.parse(body.unitType().trim())));
        LaunchContract.DESIGNATION_STATUS.put(variables, blank(body.status()) ? null : StatusOption.of(status(body.status().trim())));
        LaunchContract.REVIEW_YEAR.put(variables, body.year());
        LaunchContract.REPORT_DUE_DATE.put(variables, body.dueDate());
        LaunchContract.FINAL_DEADLINE.put(variables, body.finalDeadline());
        LaunchContract.INSTRUCTIONS.put(variables, body.instructions());
        LaunchContract.AUDIENCE.put(variables, blank(body.audience()) ? null : LaunchContract.AUDIENCE.read(body.audience()));
        variables.values().removeIf(Objects::isNull);
        return variables;
    }

    private static DesignationStatus status(String value) {
        return Arrays.stream(DesignationStatus.values()).filter(s -> s.name().equals(value) || s.label().equals(value))
                .findFirst().orElseThrow(() -> new RuleViolation("designationStatus", "未知的称号状态：" + value));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @GetMapping
    List<Launch> list() {
        access.userId();
        List<String> patterns = access.isAdmin() ? List.of("%") : access.scopes(Roles.COMMISSION).stream()
                .map(RegionCodes::likePattern).toList();
        return launches.listCovered(patterns, 100);
    }

    @GetMapping("/{id}")
    Launch get(@PathVariable long id) {
        return visible(id);
    }

    /** Members, by state if asked (PENDING, STARTED, FAILED, CANCELLED): the failed ones with why. */
    @GetMapping("/{id}/members")
    List<Map<String, Object>> members(@PathVariable long id, @RequestParam(required = false) String state,
                                      @RequestParam(defaultValue = "100") int limit,
                                      @RequestParam(defaultValue = "0") int offset) {
        visible(id);
        if (state != null && !List.of("PENDING", "STARTED", "FAILED", "CANCELLED").contains(state)) {
            throw new RuleViolation("state", "state 须为 PENDING、STARTED、FAILED 或 CANCELLED");
        }
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw new RuleViolation("limit", "limit 须在 1 到 1000 之间，offset 不能为负");
        }
        return launches.members(id, state, limit, offset);
    }

    /** Stops starting: members already started keep their work; the pending ones are not started. */
    @PostMapping("/{id}/cancel")
    Launch cancel(@PathVariable long id) {
        Launch launch = visible(id);
        if (!launches.requestCancel(id)) {
            // Someone else's cancel (or the launch's end) came first: the state as it is now, after theirs.
            String state = launches.find(id).map(Launch::state).orElse(launch.state());
            throw new RaceLost("该批量发起已" + (LaunchState.DONE.name().equals(state) ? "完成" : "取消") + "，不能取消");
        }
        return launches.find(id).orElseThrow();
    }

    /** Another region's launch is answered like a missing one: its existence is not confirmed. */
    private Launch visible(long id) {
        access.userId();
        return service.current(id).filter(l -> access.hasRoleFor(l.regionCode(), COMMISSION))
                .orElseThrow(() -> new NotFound("找不到编号为 " + id + " 的批量发起"));
    }
}
