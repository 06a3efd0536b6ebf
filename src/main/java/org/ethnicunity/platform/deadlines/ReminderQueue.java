package org.ethnicunity.platform.deadlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.camunda.bpm.engine.identity.User;
import org.ethnicunity.platform.mail.MailNotifier;
import org.ethnicunity.platform.mail.OutboxSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues a sweep's digests in the mail outbox, {@code app.reminders.digest-batch} recipients a
 * transaction on {@code app.reminders.digest-threads} threads, then wakes the outbox's sender.
 */
@Component
class ReminderQueue {

    private final ReminderDigests digests;
    private final ReminderSettings settings;
    private final OutboxSender sender;
    private final TransactionTemplate batches;

    ReminderQueue(ReminderDigests digests, ReminderSettings settings, OutboxSender sender,
                  PlatformTransactionManager transactions) {
        this.digests = digests;
        this.settings = settings;
        this.sender = sender;
        // Digests are queued in transactions of their own, a batch at a time: a sweep over 50,000
        // overdue tasks must not hold one transaction open over all of them.
        this.batches = new TransactionTemplate(transactions);
        this.batches.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Queues each recipient's digest of the day; returns how many were queued now (not queued before). */
    int queue(List<User> recipients, LocalDate today, Map<String, List<DigestItem>> items) {
        int batch = settings.digestBatch();
        List<List<User>> slices = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i += batch) {
            slices.add(recipients.subList(i, Math.min(recipients.size(), i + batch)));
        }
        int queued = queueAll(slices, today, items);
        if (queued > 0) {
            sender.wake();
        }
        return queued;
    }

    /**
     * Renders and queues the digests, a transaction per slice, on {@code app.reminders.digest-threads}
     * threads: rendering 45,329 digests (HTML and text) was most of a 50,000-task sweep's time, on one
     * core of two (docs/benchmarks.md). A slice that fails rolls back alone; the next run queues it.
     */
    private int queueAll(List<List<User>> slices, LocalDate today, Map<String, List<DigestItem>> items) {
        Function<List<User>, Integer> queueSlice = slice -> batches.execute(tx -> {
            MailNotifier.deferToOutbox();
            int n = 0;
            for (User user : slice) {
                n += digests.queue(user, today, items.get(user.getId())) ? 1 : 0;
            }
            return n;
        });
        int threads = Math.min(settings.digestThreads(), slices.size());
        if (threads <= 1) {
            return slices.stream().mapToInt(queueSlice::apply).sum();
        }
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "reminder-digests");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Integer>> done = new ArrayList<>();
            slices.forEach(slice -> done.add(workers.submit(() -> queueSlice.apply(slice))));
            int queued = 0;
            for (Future<Integer> slice : done) {
                queued += slice.get();
            }
            return queued;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("提醒汇总被中断 / reminder sweep interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }
}
