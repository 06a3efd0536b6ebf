package org.ethnicunity.platform.expiry;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.security.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily run of bpmn/expiry.bpmn (期满处理). A title past its validity becomes EXPIRED on the day,
 * unless a re-inspection or exit is running for it: the state machine has no step from those to
 * EXPIRED, so the granting commission is told once that the procedure's outcome settles it, and if
 * the title is kept (NAMED again) the next run expires it. Holders are told
 * {@code app.expiry.notice-days} before. Each batch commits on its own: a second run, or a retried
 * one, finds what is done already and does nothing twice.
 */
@Component("titleExpiry")
public class TitleExpiry implements JavaDelegate {

    /**
     * What one run did, kept as variables of the run's process instance: titles expired, titles past
     * their validity left to a running procedure, titles whose holders got the notice before.
     */
    public record Run(LocalDate day, int expired, int pending, int noticed) {
    }

    private static final Logger log = LoggerFactory.getLogger(TitleExpiry.class);
    private static final Set<DesignationStatus> NAMED = EnumSet.of(DesignationStatus.NAMED);
    private static final Set<DesignationStatus> IN_PROCEDURE = EnumSet.of(DesignationStatus.UNDER_REINSPECTION,
            DesignationStatus.RECTIFYING, DesignationStatus.IN_EXIT);

    private final ExpiringTitles titles;
    private final RegistryService registry;
    private final ExpiryMails mails;
    private final IdentityService identity;
    private final BusinessClock clock;
    private final ExpirySettings settings;
    private final int keepSentDays;
    private final TransactionTemplate batchTransaction;

    TitleExpiry(ExpiringTitles titles, RegistryService registry, ExpiryMails mails, @Lazy IdentityService identity,
                BusinessClock clock, ExpirySettings settings, PlatformTransactionManager transactions,
                @Value("${app.mail.keep-sent-days:90}") int keepSentDays) {
        // The outbox row is the record that a holder was told; purged earlier, the notice would go out again.
        if (settings.noticeDays() > keepSentDays) {
            throw new IllegalArgumentException("app.expiry.notice-days（" + settings.noticeDays() + "）不能大于 "
                    + "app.mail.keep-sent-days（" + keepSentDays + "）：期满前通知的发送记录会被提前清理，通知将重复发送 / "
                    + "notice-days must not exceed keep-sent-days");
        }
        this.titles = titles;
        this.registry = registry;
        this.mails = mails;
        this.identity = identity;
        this.clock = clock;
        this.settings = settings;
        this.keepSentDays = keepSentDays;
        this.batchTransaction = new TransactionTemplate(transactions);
        this.batchTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void execute(DelegateExecution execution) {
        Run run = run(execution.getProcessInstanceId());
        ExpiryContract.DAY.set(execution, run.day());
        ExpiryContract.EXPIRED.set(execution, run.expired());
        ExpiryContract.PENDING.set(execution, run.pending());
        ExpiryContract.NOTICED.set(execution, run.noticed());
    }

    /** One run for today; {@code processInstanceId} is recorded with each expiry event. */
    public Run run(String processInstanceId) {
        LocalDate today = clock.today();
        GrantingCommission commission = new GrantingCommission(identity);
        int expired = inBatches(commission, after -> titles.pastExpiry(NAMED, today, after, settings.batchSize()),
                title -> expire(title, today, commission, processInstanceId));
        // Only as far back as the outbox keeps its record of the notice (see the constructor).
        int pending = inBatches(commission, after -> titles.expiringBetween(IN_PROCEDURE, today.minusDays(keepSentDays),
                        today, after, settings.batchSize()),
                title -> tellPending(title, commission));
        int noticed = inBatches(commission, after -> titles.expiringBetweenUntold(DesignationStatus.HOLDING, today,
                        today.plusDays(settings.noticeDays()), ExpiryMails.NOTICE, after, settings.batchSize()),
                title -> notice(title, today, commission));
        Run run = new Run(today, expired, pending, noticed);
        log.info("称号期满处理 / title expiry {}: {} 个称号期满，{} 个因正在进行的程序暂缓（已告知民委），{} 个发出期满前通知",
                today, expired, pending, noticed);
        return run;
    }

    /**
     * Pages through the titles, settling each page in a transaction of its own. The granting
     * commissions are looked up before, outside it: engine queries stay in the engine's transaction.
     */
    private int inBatches(GrantingCommission commission, LongFunction<List<ExpiringTitle>> page,
                          Predicate<ExpiringTitle> settle) {
        int settled = 0;
        long after = 0;
        while (true) {
            List<ExpiringTitle> batch = page.apply(after);
            if (batch.isEmpty()) {
                return settled;
            }
            batch.forEach(title -> commission.of(title.grantingRegionCode()));
            Integer done = batchTransaction.execute(status -> (int) batch.stream().filter(settle).count());
            settled += done == null ? 0 : done;
            if (batch.size() < settings.batchSize()) {
                return settled;
            }
            after = batch.get(batch.size() - 1).designationId();
        }
    }

    private boolean expire(ExpiringTitle title, LocalDate today, GrantingCommission commission, String processInstanceId) {
        Designation now = registry.designation(title.designationId());
        if (now.status() != DesignationStatus.NAMED || now.expiryDate() == null || now.expiryDate().isAfter(today)) {
            return false; // changed since the page was read
        }
        registry.changeStatus(title.designationId(), DesignationStatus.EXPIRED, Actors.SYSTEM,
                "称号有效期满（有效期至 " + now.expiryDate() + "）", processInstanceId);
        mails.expired(title, unit(title), commission.of(title.grantingRegionCode()));
        return true;
    }

    private boolean tellPending(ExpiringTitle title, GrantingCommission commission) {
        if (!IN_PROCEDURE.contains(registry.designation(title.designationId()).status())) {
            return false;
        }
        mails.pending(title, commission.of(title.grantingRegionCode()));
        return true;
    }

    private boolean notice(ExpiringTitle title, LocalDate today, GrantingCommission commission) {
        if (!DesignationStatus.HOLDING.contains(registry.designation(title.designationId()).status())) {
            return false;
        }
        return mails.expiring(title, today, unit(title), commission.of(title.grantingRegionCode())) > 0;
    }

    private static Recipient unit(ExpiringTitle title) {
        return new Recipient(null, title.contactName(), title.contactEmail());
    }
}
