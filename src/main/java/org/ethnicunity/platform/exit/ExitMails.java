package org.ethnicunity.platform.exit;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.ethnicunity.platform.mail.MailNotifier;
import org.ethnicunity.platform.security.Roles;
import org.springframework.stereotype.Component;

/** The notices of the exit process: to the unit at each step, and of a revocation to the commissions. */
@Component
class ExitMails {

    private static final String PREFIX = "【民族团结进步创建】";

    private final MailNotifier mail;
    private final IdentityService identity;

    ExitMails(MailNotifier mail, IdentityService identity) {
        this.mail = mail;
        this.identity = identity;
    }

    /** 书面告知: the grounds, and the statement window unless the unit no longer exists. */
    void notice(ExitCase exit, Map<String, Object> process, LocalDate statementDue) {
        Map<String, Object> model = model(exit, process);
        model.put("statementDue", statementDue);
        toUnit(exit, "退出程序告知：" + exit.unit().name(), "exit-notice", model);
    }

    void revoked(ExitCase exit, Map<String, Object> process, String documentNumber, LocalDate documentDate,
                 LocalDate revokedDate, LocalDate lockoutEnds) {
        Map<String, Object> model = model(exit, process);
        model.put("documentNumber", documentNumber);
        model.put("documentDate", documentDate);
        model.put("revokedDate", revokedDate);
        model.put("lockoutEnds", lockoutEnds);
        String subject = "撤销命名通知：" + exit.unit().name();
        model.put("forUnit", true);
        toUnit(exit, subject, "exit-revoked", model);
        model.put("forUnit", false);
        for (String to : commissionAddresses(exit.grantingRegionCode())) {
            mail.send(to, PREFIX + subject, "exit-revoked", model);
        }
    }

    void warned(ExitCase exit, Map<String, Object> process) {
        toUnit(exit, "保留称号并予警告：" + exit.unit().name(), "exit-warned", model(exit, process));
    }

    void rectificationOrdered(ExitCase exit, Map<String, Object> process) {
        toUnit(exit, "责令整改通知：" + exit.unit().name(), "exit-rectify", model(exit, process));
    }

    void applicationEndedByVeto(ExitCase exit, String description) {
        Map<String, Object> model = model(exit, Map.of());
        model.put("exitGroundsDetail", description);
        toUnit(exit, "申报终止（一票否决）：" + exit.unit().name(), "exit-veto-declined", model);
    }

    /** Members with an e-mail address of the granting commission and of the commission one level up. */
    private Set<String> commissionAddresses(String grantingRegion) {
        Set<String> addresses = new LinkedHashSet<>();
        members(grantingRegion, addresses);
        String above = ExitCase.parentRegion(grantingRegion);
        if (above != null) {
            members(above, addresses);
        }
        return addresses;
    }

    private void members(String region, Set<String> addresses) {
        for (User user : identity.createUserQuery().memberOfGroup(Roles.group(Roles.COMMISSION, region)).list()) {
            if (user.getEmail() != null && !user.getEmail().isBlank()) {
                addresses.add(user.getEmail());
            }
        }
    }

    private void toUnit(ExitCase exit, String subject, String template, Map<String, Object> model) {
        mail.send(exit.unit().contactEmail(), PREFIX + subject, template, model);
    }

    private Map<String, Object> model(ExitCase exit, Map<String, Object> process) {
        Map<String, Object> model = new HashMap<>(process);
        model.put("contactName", exit.unit().contactName());
        model.put("unitName", exit.unit().name());
        model.put("levelLabel", exit.designation().level().label());
        model.put("namingDocumentNumber", exit.designation().documentNumber());
        model.put("link", mail.settings().designationUrl(exit.designation().id()));
        return model;
    }
}
