package org.ethnicunity.platform.reports.bulletin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.mail.MailAttachment;
import org.ethnicunity.platform.mail.MailNotifier;
import org.ethnicunity.platform.reports.PdfDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ethnicunity.platform.security.Roles;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The bulletin run (bpmn/bulletin.bpmn): for every region that has a group of a recipient role
 * ({@code commission-150525}, {@code leading-150500}, ...) or configured copies, one bulletin of the
 * region and the regions below, mailed to each member and copy as HTML with the chart and as an
 * attached PDF. The outbox key (period, region, address) makes a second run, a retried job or a
 * second node queue nothing new: one bulletin per recipient per period.
 */
@Component("sendBulletins")
public class SendBulletins implements JavaDelegate {

    /** What one run did, kept as variables of the run's process instance. */
    public record Run(String period, int regions, int recipients, int queued, int withoutEmail) {
    }

    private static final Logger log = LoggerFactory.getLogger(SendBulletins.class);

    private final BulletinRepository repository;
    private final Bulletins bulletins;
    private final BulletinChart chart;
    private final PdfDocuments pdf;
    private final MailNotifier mail;
    private final IdentityService identity;
    private final BulletinSettings settings;
    private final BusinessClock clock;

    SendBulletins(BulletinRepository repository, Bulletins bulletins, BulletinChart chart, PdfDocuments pdf,
                  MailNotifier mail, @Lazy IdentityService identity, BulletinSettings settings, BusinessClock clock) {
        this.repository = repository;
        this.bulletins = bulletins;
        this.chart = chart;
        this.pdf = pdf;
        this.mail = mail;
        this.identity = identity;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Run run = run();
        BulletinContract.PERIOD.set(execution, run.period());
        BulletinContract.REGIONS.set(execution, run.regions());
        BulletinContract.RECIPIENTS.set(execution, run.recipients());
        BulletinContract.QUEUED.set(execution, run.queued());
        BulletinContract.WITHOUT_EMAIL.set(execution, run.withoutEmail());
    }

    /** One run for the current period; queues the mails in the caller's transaction. */
    public Run run() {
        String period = settings.period().key(clock.today());
        Map<String, Set<String>> addresses = new TreeMap<>();
        int withoutEmail = 0;
        Map<String, User> users = new HashMap<>();
        for (Group group : identity.createGroupQuery().list()) {
            Roles.RegionalGroup regional = Roles.regional(group.getId()).orElse(null);
            if (regional == null || !settings.recipientRoles().contains(regional.role())) {
                continue;
            }
            for (User user : identity.createUserQuery().memberOfGroup(group.getId()).list()) {
                users.put(user.getId(), user);
                if (user.getEmail() == null || user.getEmail().isBlank()) {
                    withoutEmail++;
                } else {
                    addresses.computeIfAbsent(regional.region(), r -> new LinkedHashSet<>()).add(user.getEmail());
                }
            }
        }
        settings.copies().forEach((region, copies) -> addresses.computeIfAbsent(region, r -> new LinkedHashSet<>()).addAll(copies));
        if (addresses.isEmpty()) {
            return record(new Run(period, 0, 0, 0, withoutEmail));
        }
        List<BulletinRepository.OpenTask> tasks = repository.openTasks();
        int recipients = 0;
        int queued = 0;
        for (Map.Entry<String, Set<String>> region : addresses.entrySet()) {
            Bulletin bulletin = bulletins.of(region.getKey(), tasks);
            byte[] png = chart.png(bulletin);
            Map<String, Object> model = new HashMap<>();
            model.put("b", bulletin);
            model.put("chartSrc", "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
            byte[] document = pdf.render("bulletin", model);
            model.put("chartSrc", "cid:chart");
            model.put("tasklist", mail.settings().tasklistUrl());
            model.put("statistics", mail.settings().baseUrl() + "/registry/statistics?regionCode=" + region.getKey());
            String subject = "【民族团结进步创建】工作通报（" + bulletin.periodLabel() + "）：" + region.getKey()
                    + " 及下辖地区，逾期任务 " + bulletin.overdue() + " 项";
            List<MailAttachment> files = List.of(
                    MailAttachment.file("工作通报-" + region.getKey() + "-" + period + ".pdf", "application/pdf", document),
                    MailAttachment.inline("chart", "chart.png", "image/png", png));
            for (String address : region.getValue()) {
                recipients++;
                if (mail.sendOnce(key(period, region.getKey(), address), address, subject, "bulletin", model, files)) {
                    queued++;
                }
            }
        }
        return record(new Run(period, addresses.size(), recipients, queued, withoutEmail));
    }

    /** One outbox key per period, region and address (hashed when an address is too long for the column). */
    static String key(String period, String region, String address) {
        String key = "bulletin:" + period + ":" + region + ":" + address.trim().toLowerCase();
        if (key.length() <= 200) {
            return key;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(address.trim().toLowerCase().getBytes(StandardCharsets.UTF_8));
            return "bulletin:" + period + ":" + region + ":" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Run record(Run run) {
        log.info("工作通报 / bulletin run: {}", run);
        return run;
    }
}
