package org.ethnicunity.platform.exit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitVisibility;
import org.ethnicunity.platform.security.AccessDenied;
import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.security.Roles;
import org.ethnicunity.platform.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports a veto event (一票否决事件) of a designation: commission or supervision staff of the unit's
 * region. The designation's running application is declined, or its title goes into the exit
 * process (its re-inspection, if one runs, ended first), in one transaction.
 */
@RestController
class VetoEventController {

    record VetoEvent(@NotBlank(message = "须写明事件经过") @Size(max = 5000) String description,
                     @NotNull(message = "须填写发生日期") LocalDate occurredOn) {
    }

    private final VetoEvents vetoEvents;
    private final DesignationRepository designations;
    private final UnitRepository units;
    private final ApiAccess access;
    private final UnitVisibility visibility;

    VetoEventController(VetoEvents vetoEvents, DesignationRepository designations, UnitRepository units, ApiAccess access,
                        UnitVisibility visibility) {
        this.vetoEvents = vetoEvents;
        this.designations = designations;
        this.units = units;
        this.access = access;
        this.visibility = visibility;
    }

    @PostMapping("/api/designations/{id}/veto-events")
    @ResponseStatus(HttpStatus.CREATED)
    VetoEvents.Outcome report(@PathVariable long id, @Valid @RequestBody VetoEvent event) {
        // A title the caller may not even see is answered like a missing one; who sees it but may not
        // report on it is refused (403).
        String region = designations.find(id).flatMap(d -> units.find(d.unitId())).filter(visibility::canSee)
                .map(u -> u.regionCode()).orElseThrow(() -> new NotFound("找不到编号为 " + id + " 的命名记录"));
        access.requireRoleFor(region, List.of(Roles.COMMISSION, Roles.SUPERVISION), "报告该单位的一票否决事件");
        try {
            return vetoEvents.report(id, event.description(), event.occurredOn());
        } catch (AuthorizationException e) {
            // A group made after start-up has no start grant for the exit yet (docs/security.md).
            throw new AccessDenied("您（" + access.userId() + "）的用户组尚未获得发起退出程序的授权，请联系管理员");
        }
    }
}
