package org.ethnicunity.platform.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.RuntimeService;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.engine.StartVariableDetails;
import org.ethnicunity.platform.mail.MailNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the pending members of a launch. Each batch is one transaction: its members are locked
 * (others skip them), their instances started and the members marked STARTED, together, so a crash
 * or a node stopping mid-batch leaves neither an instance without its mark nor a mark without its
 * instance; what was not committed stays PENDING and the next job takes it. A batch that fails is
 * retried a member per transaction, and the member that fails again is marked FAILED with why.
 * Mails the new instances queue (notices to units) go out through the outbox's periodic sender.
 *
 * <p>Workers run on threads of their own, so every batch opens its own engine command and
 * transaction, apart from the job that called them.
 */
@Component
class LaunchRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LaunchRunner.class);

    /** What one call did: members started and failed, and whether any are left. */
    record Outcome(int started, int failed, boolean pending, boolean cancelled) {
    }

    private final LaunchRepository launches;
    private final LaunchSettings settings;
    private final BusinessClock clock;
    private final ObjectMapper json;
    final TransactionTemplate transaction;
    private final ExecutorService pool;

    LaunchRunner(LaunchRepository launches, LaunchSettings settings, BusinessClock clock,
                 ObjectMapper json, PlatformTransactionManager transactions) {
        this.launches = launches;
        this.settings = settings;
        this.clock = clock;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.pool = Executors.newFixedThreadPool(settings.workers(), r -> {
            Thread t = new Thread(r, "launch-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts batches until none are pending, the launch is cancelled, or the time budget is spent,
     * through the engine that runs the job (with two nodes, each node's own).
     */
    Outcome run(RuntimeService runtime, long launchId, String processKey, Map<String, Object> launchVariables) {
        long until = System.nanoTime() + settings.jobBudget().toNanos();
        AtomicBoolean cancelled = new AtomicBoolean();
        List<Future<int[]>> workers = new ArrayList<>();
        for (int i = 0; i < settings.workers(); i++) {
            workers.add(pool.submit(() -> work(runtime, launchId, processKey, launchVariables, until, cancelled)));
        }
        int started = 0;
        int failed = 0;
        for (Future<int[]> worker : workers) {
            try {
                int[] done = worker.get();
                started += done[0];
                failed += done[1];
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("批量发起被中断 / launch interrupted", e);
            } catch (ExecutionException e) {
                // A technical failure (database gone): the job fails and the engine retries it.
                throw new IllegalStateException("批量发起出错 / launch failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return new Outcome(started, failed, launches.hasPending(launchId), cancelled.get());
    }

    private int[] work(RuntimeService runtime, long launchId, String processKey, Map<String, Object> launchVariables, long until,
                       AtomicBoolean cancelled) {
        int started = 0;
        int failed = 0;
        while (System.nanoTime() < until && !cancelled.get()) {
            if (!LaunchState.RUNNING.name().equals(launches.state(launchId))) {
                cancelled.set(true);
                break;
            }
            List<LaunchRepository.Member> batch;
            try {
                batch = transaction.execute(tx -> startBatch(runtime, launchId, processKey, launchVariables));
            } catch (RuntimeException batchFailed) {
                log.info("Launch {}: a batch failed ({}), retrying its members one by one", launchId, batchFailed.getMessage());
                int[] single = oneByOne(runtime, launchId, processKey, launchVariables);
                started += single[0];
                failed += single[1];
                continue;
            }
            if (batch.isEmpty()) {
                break;
            }
            started += batch.size();
        }
        return new int[] {started, failed};
    }

    List<LaunchRepository.Member> startBatch(RuntimeService runtime, long launchId, String processKey, Map<String, Object> launchVariables) {
        MailNotifier.deferToOutbox();
        List<LaunchRepository.Member> batch = launches.takePending(launchId, settings.batchSize());
        List<Long> ids = new ArrayList<>(batch.size());
        List<String> instances = new ArrayList<>(batch.size());
        for (LaunchRepository.Member member : batch) {
            ids.add(member.id());
            instances.add(start(runtime, launchId, processKey, launchVariables, member));
        }
        if (!batch.isEmpty()) {
            launches.markStarted(ids, instances, clock.now());
        }
        return batch;
    }

    /** After a failed batch: the next batch's worth of members, each in its own transaction. */
    private int[] oneByOne(RuntimeService runtime, long launchId, String processKey, Map<String, Object> launchVariables) {
        int started = 0;
        int failed = 0;
        List<LaunchRepository.Member> candidates = transaction.execute(tx -> launches.takePending(launchId, settings.batchSize()));
        for (LaunchRepository.Member candidate : candidates == null ? List.<LaunchRepository.Member>of() : candidates) {
            try {
                Boolean done = transaction.execute(tx -> launches.takePending(candidate.id()).map(member -> {
                    MailNotifier.deferToOutbox();
                    launches.markStarted(List.of(member.id()),
                            List.of(start(runtime, launchId, processKey, launchVariables, member)), clock.now());
                    return true;
                }).orElse(false));
                started += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException refused) {
                String message = refused instanceof RuleViolation ? refused.getMessage()
                        : refused.getClass().getSimpleName() + ": " + refused.getMessage();
                transaction.executeWithoutResult(tx -> launches.markFailed(candidate.id(), message));
                log.warn("Launch {}: member {} not started: {}", launchId, candidate.memberKey(), message);
                failed++;
            }
        }
        return new int[] {started, failed};
    }

    private String start(RuntimeService runtime, long launchId, String processKey, Map<String, Object> launchVariables,
                         LaunchRepository.Member member) {
        Map<String, Object> variables = new HashMap<>(launchVariables);
        variables.putAll(payload(member.payload()));
        // A launch's members start in bulk: their start variables' first values are in the history once.
        return StartVariableDetails.bulk(() -> runtime.startProcessInstanceByKey(processKey,
                "launch-" + launchId + ":" + member.memberKey(), variables).getId());
    }

    /** The member's variables: JSON integral numbers as Long (ids), other values as they are. */
    private Map<String, Object> payload(String payload) {
        try {
            Map<String, Object> variables = new HashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = json.readTree(payload).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode v = field.getValue();
                variables.put(field.getKey(), v.isNull() ? null : v.isIntegralNumber() ? (Object) v.asLong()
                        : v.isNumber() ? (Object) v.asDouble() : v.isBoolean() ? (Object) v.asBoolean() : v.asText());
            }
            return variables;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("成员数据无法读取 / unreadable member payload: " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
