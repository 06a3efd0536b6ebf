package org.ethnicunity.platform.nomination;

import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.contract.Variable;
import org.ethnicunity.platform.mail.MailNotifier;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.registry.Unit;
import org.springframework.stereotype.Component;

/**
 * An application to a campaign a lower commission recommended the unit to (推荐上报): refused when the
 * campaign takes recommended units only and this one was not; otherwise it starts with the proven
 * lower title, its assessment and a link to its dossier, which the reviewers' forms show.
 */
@Component
class RecommendedApplication {

    private final Recommendations recommendations;
    private final RegistryService registry;
    private final HistoryService history;
    private final MailNotifier mail;

    RecommendedApplication(Recommendations recommendations, RegistryService registry, HistoryService history,
                           MailNotifier mail) {
        this.recommendations = recommendations;
        this.registry = registry;
        this.history = history;
        this.mail = mail;
    }

    void check(Unit unit, Campaign campaign, DelegateExecution execution) {
        Optional<Recommendations.Recommendation> recommendation = recommendations.find(campaign.id(), unit.id());
        if (recommendation.isEmpty()) {
            if (campaign.recommendationRequired()) {
                throw new RuleViolation("recommendation.required", "评选批次「" + campaign.name() + "」只接受下级民委推荐的单位，"
                        + "「" + unit.name() + "」未获推荐，不能申报（请联系本地民委推荐上报）");
            }
            return;
        }
        Recommendations.Recommendation r = recommendation.get();
        Designation lower = registry.designation(r.designationId());
        NominationContract.RECOMMENDATION_ID.set(execution, r.id());
        NominationContract.RECOMMENDED_BY.set(execution, r.fromRegionCode() + " 民委推荐，" + r.approvedBy() + " 审定（"
                + r.recommendedAt().toLocalDate() + "）");
        NominationContract.RECOMMENDATION_REASONS.set(execution, r.reasons());
        NominationContract.LOWER_TITLE.set(execution, lower.level().label() + "示范单位，" + lower.documentNumber() + "，"
                + lower.namedDate() + " 命名，有效期至 " + lower.expiryDate());
        NominationContract.LOWER_ASSESSMENT.set(execution, assessment(lower));
        NominationContract.LOWER_DOSSIER_LINK.set(execution, mail.settings().baseUrl() + "/registry/designations/" + lower.id() + "/dossier.pdf");
    }

    /** The lower title's site assessment, where it was named through this platform. */
    private String assessment(Designation lower) {
        if (lower.processInstanceId() == null) {
            return "无（该称号非经本平台评选，见命名档案）";
        }
        Double total = value(lower.processInstanceId(), NominationContract.SITE_TOTAL);
        String grade = value(lower.processInstanceId(), NominationContract.SITE_GRADE);
        return total == null ? "无" : "实地测评 " + total + " 分，" + grade;
    }

    private <T> T value(String processInstanceId, Variable<T> variable) {
        return variable.read(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(variable.name()).list().stream().findFirst().map(HistoricVariableInstance::getValue).orElse(null));
    }
}
