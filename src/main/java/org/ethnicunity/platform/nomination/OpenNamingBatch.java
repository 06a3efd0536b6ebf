package org.ethnicunity.platform.nomination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.RegistryService;
import org.springframework.stereotype.Component;

/**
 * First step of a naming decision (批量命名发文): the campaign, the starter's region, and one naming
 * at a time per campaign (a second one would offer the same applications twice), held under a lock
 * on the campaign's row. Runs in the transaction that starts the instance: a refusal leaves nothing behind.
 */
@Component("openNamingBatch")
class OpenNamingBatch implements JavaDelegate {

    private final RegistryService registry;

    OpenNamingBatch(RegistryService registry) {
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = NamingContract.CAMPAIGN_CODE.get(execution);
        if (code == null) {
            throw new RuleViolation(NamingContract.CAMPAIGN_CODE.name(), "请填写「评选批次编号」，例如 2026-BANNER-150525");
        }
        Campaign campaign = registry.campaignByCode(code);
        CommissionStarter.require(execution, campaign.regionCode(), "评选批次「" + campaign.name() + "」的命名发文");
        if (campaign.level() == Level.NATIONAL) {
            throw new RuleViolation(NamingContract.CAMPAIGN_CODE.name(), "全国示范单位由国家民委命名，本平台只登记其命名结果（导入命名名单），不办理命名发文");
        }
        // Two commission members starting at the same moment: the second waits here for the first's
        // commit and then finds its naming running (without the lock both would pass the count).
        registry.lockCampaign(campaign.id());
        String businessKey = "naming/" + campaign.code();
        long running = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("naming").processInstanceBusinessKey(businessKey).count();
        if (running > 0) {
            throw new RuleViolation(NamingContract.CAMPAIGN_CODE.name(), "评选批次「" + campaign.name() + "」已有一个正在办理的命名发文，请在待办中完成或撤销后再发起");
        }
        execution.setProcessBusinessKey(businessKey);
        NamingContract.CAMPAIGN_ID.set(execution, campaign.id());
        NamingContract.CAMPAIGN_CODE.set(execution, campaign.code());
        NamingContract.CAMPAIGN_NAME.set(execution, campaign.name());
        NamingContract.CAMPAIGN_REGION_CODE.set(execution, campaign.regionCode());
        NamingContract.LEVEL_LABEL.set(execution, campaign.level().label());
    }
}
