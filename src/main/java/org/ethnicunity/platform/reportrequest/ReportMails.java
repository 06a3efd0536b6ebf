package org.ethnicunity.platform.reportrequest;

import static org.ethnicunity.platform.reportrequest.ReportRequestContract.CANDIDATE_GROUP;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.CONTACT_EMAIL;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.CONTACT_NAME;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.INSTRUCTIONS;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.LAUNCH_TITLE;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.MEMBER_NAME;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.REPORT_DUE_DATE;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.RETURNED_REASON;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.UNIT_CONTACT;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.mail.MailNotifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The notices to a member, each with a link to its task: a unit's contact, or every member (with an
 * address) of a lower commission's staff group.
 */
@Component
class ReportMails {

    private static final String PREFIX = "【民族团结进步创建】";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MailNotifier mail;
    private final IdentityService identity;
    private final BusinessClock clock;

    ReportMails(MailNotifier mail, @Lazy IdentityService identity, BusinessClock clock) {
        this.mail = mail;
        this.identity = identity;
        this.clock = clock;
    }

    /** The request: title, instructions, due date. */
    void requested(DelegateTask task) {
        send(task, "工作报送通知：" + LAUNCH_TITLE.get(task), "report-request-notice");
    }

    /** 退回修改: the reason and the due date of the revision. */
    void returned(DelegateTask task) {
        send(task, "工作报送退回修改：" + LAUNCH_TITLE.get(task), "report-request-returned");
    }

    private void send(DelegateTask task, String subject, String template) {
        Map<String, Object> model = new HashMap<>();
        model.put(LAUNCH_TITLE.name(), LAUNCH_TITLE.get(task));
        model.put(INSTRUCTIONS.name(), INSTRUCTIONS.get(task));
        model.put(MEMBER_NAME.name(), MEMBER_NAME.get(task));
        model.put(REPORT_DUE_DATE.name(), REPORT_DUE_DATE.stored(REPORT_DUE_DATE.get(task)));
        model.put(RETURNED_REASON.name(), RETURNED_REASON.get(task));
        String contactName = CONTACT_NAME.get(task);
        model.put("greeting", contactName == null ? MEMBER_NAME.get(task) : contactName);
        model.put("due", format(task.getDueDate()));
        model.put("link", mail.settings().taskUrl(task.getId()));
        for (String to : recipients(task)) {
            mail.send(to, PREFIX + subject, template, model);
        }
    }

    private Set<String> recipients(DelegateTask task) {
        Set<String> addresses = new LinkedHashSet<>();
        String group = CANDIDATE_GROUP.get(task);
        if (group != null) {
            identity.createUserQuery().memberOfGroup(group).list().forEach(u -> add(u, addresses));
            return addresses;
        }
        String email = CONTACT_EMAIL.get(task);
        if (email != null) {
            addresses.add(email);
        } else {
            add(identity.createUserQuery().userId(String.valueOf(UNIT_CONTACT.get(task))).singleResult(), addresses);
        }
        return addresses;
    }

    private static void add(User user, Set<String> addresses) {
        if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
            addresses.add(user.getEmail());
        }
    }

    private String format(Date date) {
        return date == null ? "" : date.toInstant().atZone(clock.zone()).format(MINUTE);
    }

    static String format(OffsetDateTime at, BusinessClock clock) {
        return at == null ? "" : at.atZoneSameInstant(clock.zone()).format(MINUTE);
    }
}
