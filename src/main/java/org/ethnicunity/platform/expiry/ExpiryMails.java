package org.ethnicunity.platform.expiry;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ethnicunity.platform.mail.MailNotifier;
import org.springframework.stereotype.Component;

/**
 * The expiry notices. Each is keyed in the outbox by designation and recipient, so a second run, a
 * retried batch or a second node tells nobody twice; the unit's key is the bare
 * {@code PREFIX + designationId}, which the notice query looks for.
 */
@Component
class ExpiryMails {

    static final String NOTICE = "expiry-notice:";
    static final String EXPIRED = "expiry-expired:";
    static final String PENDING = "expiry-pending:";
    private static final String SUBJECT = "【民族团结进步创建】";

    private final MailNotifier mail;

    ExpiryMails(MailNotifier mail) {
        this.mail = mail;
    }

    /** Days before: the title will expire on its date; how to keep holding one. @return mails queued */
    int expiring(ExpiringTitle title, LocalDate today, Recipient unit, List<Recipient> commission) {
        Map<String, Object> model = model(title);
        model.put("daysLeft", ChronoUnit.DAYS.between(today, title.expiryDate()));
        String subject = SUBJECT + "称号即将期满：" + title.unitName() + "（有效期至 " + title.expiryDate() + "）";
        return send(NOTICE, title, subject, "title-expiring", model, unit, commission);
    }

    /** On the day: the title has expired. @return mails queued */
    int expired(ExpiringTitle title, Recipient unit, List<Recipient> commission) {
        Map<String, Object> model = model(title);
        model.put("pending", false);
        String subject = SUBJECT + "称号期满：" + title.unitName() + "（有效期至 " + title.expiryDate() + "）";
        return send(EXPIRED, title, subject, "title-expired", model, unit, commission);
    }

    /** Past its validity during a re-inspection or exit: the commission is told the outcome decides. */
    int pending(ExpiringTitle title, List<Recipient> commission) {
        Map<String, Object> model = model(title);
        model.put("pending", true);
        model.put("statusLabel", title.status().label());
        model.put("procedure", procedure(title));
        String subject = SUBJECT + "称号有效期已满，待" + procedure(title) + "结果办理：" + title.unitName();
        return send(PENDING, title, subject, "title-expired", model, null, commission);
    }

    private int send(String prefix, ExpiringTitle title, String subject, String template, Map<String, Object> model,
                     Recipient unit, List<Recipient> commission) {
        int queued = 0;
        if (unit != null && once(prefix + title.designationId(), unit, subject, template, model)) {
            queued++;
        }
        for (Recipient member : commission) {
            if (once(prefix + title.designationId() + ":" + member.userId(), member, subject, template, model)) {
                queued++;
            }
        }
        return queued;
    }

    private boolean once(String key, Recipient to, String subject, String template, Map<String, Object> model) {
        Map<String, Object> own = new HashMap<>(model);
        own.put("name", to.name());
        own.put("forUnit", to.isUnit());
        return mail.sendOnce(key, to.email(), subject, template, own);
    }

    private Map<String, Object> model(ExpiringTitle title) {
        Map<String, Object> model = new HashMap<>();
        model.put("unitName", title.unitName());
        model.put("levelLabel", title.level().label());
        model.put("documentNumber", title.documentNumber() == null ? "（无）" : title.documentNumber());
        model.put("namedDate", title.namedDate() == null ? "（无）" : title.namedDate().toString());
        model.put("expiryDate", title.expiryDate().toString());
        model.put("link", mail.settings().designationUrl(title.designationId()));
        return model;
    }

    /** The running procedure, named by the state it holds the designation in. */
    private static String procedure(ExpiringTitle title) {
        return switch (title.status()) {
            case UNDER_REINSPECTION -> "复核复检";
            case RECTIFYING -> "整改及复查";
            case IN_EXIT -> "退出程序";
            default -> title.status().label();
        };
    }
}
