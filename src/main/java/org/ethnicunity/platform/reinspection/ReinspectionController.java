package org.ethnicunity.platform.reinspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.contract.ReinspectionStart;
import org.ethnicunity.platform.contract.ReinspectionTrigger;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.security.Roles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-inspections over HTTP: start them for a selection of designations (one instance each, each in
 * its own transaction, so one refusal does not stop the others), and list those due by the cycle.
 * Only commission staff of the granting region (or of a region above it) and administrators.
 */
@RestController
@RequestMapping("/api/reinspections")
class ReinspectionController {

    private static final List<String> COMMISSION = List.of(Roles.COMMISSION);

    record StartRequest(@NotEmpty @Size(max = 500) List<Long> designationIds, @NotBlank String trigger,
                        @NotBlank @Size(max = 2000) String reason, String complainantName, String complainantContact) {
    }

    /** Per designation: started with its instance, or the refusal. */
    record StartResult(long designationId, boolean started, String processInstanceId, String message) {
    }

    private final RuntimeService runtime;
    private final DesignationRepository designations;
    private final ReinspectionSubjects subjects;
    private final DueReinspections due;
    private final ApiAccess access;

    ReinspectionController(RuntimeService runtime, DesignationRepository designations, ReinspectionSubjects subjects,
                           DueReinspections due, ApiAccess access) {
        this.runtime = runtime;
        this.designations = designations;
        this.subjects = subjects;
        this.due = due;
        this.access = access;
    }

    @PostMapping
    List<StartResult> start(@Valid @RequestBody StartRequest body) {
        access.userId();
        ReinspectionTrigger trigger = ReinspectionTrigger.parse(body.trigger());
        if (!trigger.byPeople()) {
            throw new RuleViolation("trigger", "「" + trigger.label() + "」引起的复核复检由平台自动发起，可选："
                    + ReinspectionTrigger.peopleLabels());
        }
        List<StartResult> results = new ArrayList<>();
        for (long id : new LinkedHashSet<>(body.designationIds())) {
            results.add(startOne(id, trigger, body));
        }
        return results;
    }

    private StartResult startOne(long designationId, ReinspectionTrigger trigger, StartRequest body) {
        Optional<String> granting = designations.find(designationId).map(d -> subjects.of(d.id()).grantingRegionCode());
        if (granting.isEmpty() || !access.hasRoleFor(granting.get(), COMMISSION)) {
            // Another region's designations are not even confirmed to exist.
            // The same answer either way: another region's designations are not even confirmed to exist.
            return new StartResult(designationId, false, null, "找不到您可发起复核复检的命名记录 " + designationId
                    + "（复核复检由授予称号的民委或其上级民委发起）");
        }
        Map<String, Object> variables = new HashMap<>();
        ReinspectionContract.DESIGNATION_ID.put(variables, designationId);
        ReinspectionContract.REINSPECTION_TRIGGER.put(variables, trigger);
        ReinspectionContract.REINSPECTION_REASON.put(variables, body.reason());
        if (trigger == ReinspectionTrigger.COMPLAINT) {
            ReinspectionContract.COMPLAINANT_NAME.put(variables, body.complainantName());
            ReinspectionContract.COMPLAINANT_CONTACT.put(variables, body.complainantContact());
        }
        try {
            String id = runtime.startProcessInstanceByKey(ReinspectionStart.PROCESS_KEY, variables).getId();
            return new StartResult(designationId, true, id, "已发起复核复检");
        } catch (RuleViolation refused) {
            return new StartResult(designationId, false, null, refused.getMessage());
        } catch (AuthorizationException refused) {
            return new StartResult(designationId, false, null, "您（" + access.userId() + "）无权发起复核复检");
        }
    }

    /** The designations the caller may start a re-inspection of that are due by the cycle, oldest first. */
    @GetMapping("/due")
    List<DueReinspections.Due> due() {
        access.userId();
        return due.list().stream().filter(d -> access.hasRoleFor(d.grantingRegionCode(), COMMISSION)).toList();
    }
}
