package org.ethnicunity.platform.annualreview;

import static org.ethnicunity.platform.annualreview.AnnualReviewContract.DESIGNATION_ID;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.DOCUMENT_NUMBER;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.FINAL_DEADLINE;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.FOLLOW_UP;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.FOLLOW_UP_NOTE;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.GRADE_LABEL;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.GRANTING_REGION_CODE;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.INSTRUCTIONS;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.LAUNCH_TITLE;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.LEVEL_LABEL;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.REPORT_DUE_DATE;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.RETURN_REASON;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.REVIEW_COMMENT;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.REVIEW_TOTAL;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.REVIEW_YEAR;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.SCORE_PERCENT;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.UNIT_CONTACT_EMAIL;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.UNIT_CONTACT_NAME;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.UNIT_NAME;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.VETO_NAMES;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.contract.Variable;
import org.ethnicunity.platform.mail.MailNotifier;
import org.ethnicunity.platform.security.Roles;
import org.springframework.stereotype.Component;

/**
 * The annual review's notices: to the unit (the report asked for, returned for more material, the
 * grade and what follows), and to the granting commission when a failing year could not start its
 * follow-up. The unit's address comes with the launch's selection, so the start needs no query.
 */
@Component
class AnnualReviewMails {

    private static final String PREFIX = "【民族团结进步创建】";
    private static final List<Variable<?>> MODEL = List.of(UNIT_NAME, LEVEL_LABEL, DOCUMENT_NUMBER, REVIEW_YEAR,
            REPORT_DUE_DATE, FINAL_DEADLINE, LAUNCH_TITLE, INSTRUCTIONS, RETURN_REASON, GRADE_LABEL, REVIEW_TOTAL,
            SCORE_PERCENT, VETO_NAMES, REVIEW_COMMENT, FOLLOW_UP, FOLLOW_UP_NOTE);

    private final MailNotifier mail;
    private final IdentityService identity;
    private final BusinessClock clock;

    AnnualReviewMails(MailNotifier mail, IdentityService identity, BusinessClock clock) {
        this.mail = mail;
        this.identity = identity;
        this.clock = clock;
    }

    /** The review has started: the annual report is due by the launch's date. */
    void notice(VariableScope scope, String taskId) {
        Map<String, Object> model = common(scope);
        model.put("link", mail.settings().taskUrl(taskId));
        toUnit(scope, model.get("reviewYear") + "年度评估通知：" + model.get("unitName"), "annual-review-notice", model);
    }

    /** 退回补充: the reviewer's reasons and the new due date. */
    void returned(VariableScope scope, String taskId, Date due) {
        Map<String, Object> model = common(scope);
        model.put("link", mail.settings().taskUrl(taskId));
        model.put("due", day(due));
        toUnit(scope, model.get("reviewYear") + "年度评估：请补充材料：" + model.get("unitName"), "annual-review-returned", model);
    }

    /** The outcome: the grade (or the missing report), the reviewer's comment, and what follows. */
    void result(VariableScope scope) {
        Map<String, Object> model = common(scope);
        toUnit(scope, model.get("reviewYear") + "年度评估结果：" + model.get("gradeLabel") + "：" + model.get("unitName"),
                "annual-review-result", model);
    }

    /** A failing year of a title already in a re-inspection or exit: the commission decides what it means. */
    void followUpNotStarted(VariableScope scope, String procedure) {
        Map<String, Object> model = common(scope);
        model.put("procedure", procedure);
        String subject = PREFIX + model.get("reviewYear") + "年度评估不合格，未另行启动复核复检：" + model.get("unitName");
        for (String to : commission(GRANTING_REGION_CODE.require(scope))) {
            mail.send(to, subject, "annual-review-follow-up-not-started", model);
        }
    }

    private Set<String> commission(String region) {
        Set<String> addresses = new LinkedHashSet<>();
        for (User user : identity.createUserQuery().memberOfGroup(Roles.group(Roles.COMMISSION, region)).list()) {
            if (user.getEmail() != null && !user.getEmail().isBlank()) {
                addresses.add(user.getEmail());
            }
        }
        return addresses;
    }

    private void toUnit(VariableScope scope, String subject, String template, Map<String, Object> model) {
        mail.send(UNIT_CONTACT_EMAIL.require(scope), PREFIX + subject, template, model);
    }

    /** The variables the templates read, under their names, as stored (a day as ISO text, an option as its code). */
    private Map<String, Object> common(VariableScope scope) {
        Map<String, Object> model = new HashMap<>();
        for (Variable<?> variable : MODEL) {
            model.put(variable.name(), stored(variable, scope));
        }
        model.put("contactName", UNIT_CONTACT_NAME.get(scope));
        model.put("designationLink", mail.settings().designationUrl(DESIGNATION_ID.require(scope)));
        return model;
    }

    private static <T> Object stored(Variable<T> variable, VariableScope scope) {
        return variable.stored(variable.get(scope));
    }

    private LocalDate day(Date date) {
        return date.toInstant().atZone(clock.zone()).toLocalDate();
    }
}
