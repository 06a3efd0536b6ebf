package org.ethnicunity.platform.reportrequest;

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
        send(task, "工作报送通知：" + task.getVariable("launchTitle"), "report-request-notice");
    }

    /** 退回修改: the reason and the due date of the revision. */
    void returned(DelegateTask task) {
        send(task, "工作报送退回修改：" + task.getVariable("launchTitle"), "report-request-returned");
    }

    private void send(DelegateTask task, String subject, String template) {
        Map<String, Object> model = new HashMap<>();
        for (String name : new String[] {"launchTitle", "instructions", "memberName", "reportDueDate", "returnedReason"}) {
            model.put(name, task.getVariable(name));
        }
        Object contactName = task.getVariable("contactName");
        model.put("greeting", contactName == null || contactName.toString().isBlank() ? task.getVariable("memberName") : contactName);
        model.put("due", format(task.getDueDate()));
        model.put("link", mail.settings().taskUrl(task.getId()));
        for (String to : recipients(task)) {
            mail.send(to, PREFIX + subject, template, model);
        }
    }

    private Set<String> recipients(DelegateTask task) {
        Set<String> addresses = new LinkedHashSet<>();
        Object group = task.getVariable("candidateGroup");
        if (group != null) {
            identity.createUserQuery().memberOfGroup(group.toString()).list().forEach(u -> add(u, addresses));
            return addresses;
        }
        Object email = task.getVariable("contactEmail");
        if (email != null && !email.toString().isBlank()) {
            addresses.add(email.toString().trim());
        } else {
            add(identity.createUserQuery().userId(String.valueOf(task.getVariable("unitContact"))).singleResult(), addresses);
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
