package org.ethnicunity.platform.nomination;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.engine.RuleViolation;
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
 * Registers a real-name objection (异议) raised during an application's public notice. Commission
 * staff of the campaign's region record what they received; each objection starts its own
 * verification task, and the application cannot be named while one is open.
 */
@RestController
class ObjectionController {

    record Objection(@NotBlank(message = "异议人须实名") @Size(min = 2, max = 50) String objectorName,
                     @NotBlank(message = "须留联系方式") @Size(max = 100) String objectorContact,
                     @NotBlank(message = "须写明异议内容") @Size(max = 5000) String content) {
    }

    private final RuntimeService runtime;
    private final ApiAccess access;

    ObjectionController(RuntimeService runtime, ApiAccess access) {
        this.runtime = runtime;
        this.access = access;
    }

    @PostMapping("/api/nominations/{processInstanceId}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> register(@PathVariable String processInstanceId, @Valid @RequestBody Objection objection) {
        String campaignRegion = access.asPlatform(() -> campaignRegion(processInstanceId));
        access.requireRoleFor(campaignRegion, java.util.List.of(Roles.COMMISSION), "登记该批次的公示异议");
        String registeredBy = access.userId();
        return access.asPlatform(() -> {
            boolean inNotice = runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
                    .eventType("message").eventName(ObjectionMessage.NAME).count() > 0;
            if (!inNotice) {
                throw new RuleViolation("publicNotice", "该申报目前不在公示期内，不能登记异议");
            }
            ObjectionMessage.correlate(runtime, processInstanceId, objection.objectorName().trim(),
                    objection.objectorContact().trim(), objection.content().trim(), registeredBy);
            return Map.of("processInstanceId", processInstanceId, "status", "已登记，待核实");
        });
    }

    private String campaignRegion(String processInstanceId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .processDefinitionKey("nomination").singleResult();
        if (instance == null) {
            throw new NotFound("找不到进行中的申报 " + processInstanceId);
        }
        return NominationContract.CAMPAIGN_REGION_CODE.read(
                runtime.getVariable(processInstanceId, NominationContract.CAMPAIGN_REGION_CODE.name()));
    }
}
