package org.ethnicunity.platform.nomination;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.mail.MailNotifier;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/**
 * The lower leading group approved: each recommended unit is recorded on the upper campaign's list
 * (the unit's title marked as recommended), and its contact is told to apply, in the approving
 * task's transaction. A unit recommended meanwhile by another instance fails the unique key: the
 * approval is refused whole.
 */
@Component("recordRecommendation")
class RecordRecommendation implements JavaDelegate {

    private final Recommendations recommendations;
    private final RegistryService registry;
    private final DesignationRepository designations;
    private final MailNotifier mail;
    private final BusinessClock clock;

    RecordRecommendation(Recommendations recommendations, RegistryService registry, DesignationRepository designations,
                         MailNotifier mail, BusinessClock clock) {
        this.recommendations = recommendations;
        this.registry = registry;
        this.designations = designations;
        this.mail = mail;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Campaign target = registry.campaign(RecommendationContract.TARGET_CAMPAIGN_ID.require(execution));
        String comment = RecommendationContract.RECOMMENDATION_COMMENT.get(execution);
        for (long id : Arrays.stream(RecommendationContract.RECOMMENDED_IDS.require(execution).split(",")).mapToLong(Long::parseLong).toArray()) {
            Designation title = registry.designation(id);
            Unit unit = registry.unit(title.unitId());
            try {
                recommendations.insert(target.id(), id, unit.id(), RecommendationContract.FROM_REGION_CODE.get(execution),
                        RecommendationContract.RECOMMENDATION_REASONS.get(execution), RecommendationContract.RECOMMENDER.get(execution),
                        Actors.current(), comment, execution.getProcessInstanceId(), clock.now());
            } catch (org.springframework.dao.DuplicateKeyException meanwhile) {
                throw new org.ethnicunity.platform.engine.RuleViolation(RecommendationContract.DESIGNATION_IDS.name(), "「" + unit.name() + "」刚刚已被推荐参加「"
                        + target.name() + "」，本次推荐未记录，请不同意本次推荐后重新发起");
            }
            designations.markRecommended(id);
            Map<String, Object> model = new HashMap<>();
            model.put("contactName", unit.contactName());
            model.put("unitName", unit.name());
            model.put("campaignName", target.name());
            model.put("campaignCode", target.code());
            model.put("applicationStart", target.applicationStart());
            model.put("applicationEnd", target.applicationEnd());
            model.put("link", mail.settings().tasklistUrl());
            mail.send(unit.contactEmail(), "【民族团结进步创建】推荐通知：" + unit.name(), "unit-recommended", model);
        }
        RecommendationContract.OUTCOME.set(execution, RecommendationContract.Outcome.RECOMMENDED);
    }
}
