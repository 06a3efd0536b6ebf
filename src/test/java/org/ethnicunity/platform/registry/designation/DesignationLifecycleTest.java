package org.ethnicunity.platform.registry.designation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationEvent;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.DynamicProcedures;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The designation's state machine against the registry's database: illegal steps refused with both
 * states named and nothing written, every step an event, one running procedure per designation
 * decided by the database even for two starts at the same moment.
 */
class DesignationLifecycleTest extends IntegrationTest {

    @Autowired RegistryService registry;
    @Autowired UnitRepository units;
    @Autowired DesignationRepository designations;
    @Autowired DynamicProcedures procedures;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void theStateMachineHasTheStepsOfTheFourLifecycles() {
        assertThat(DesignationTransitions.next(DesignationStatus.NAMED)).containsExactlyInAnyOrder(
                DesignationStatus.UNDER_REINSPECTION, DesignationStatus.IN_EXIT, DesignationStatus.EXPIRED);
        assertThat(DesignationTransitions.next(DesignationStatus.UNDER_REINSPECTION)).containsExactlyInAnyOrder(
                DesignationStatus.NAMED, DesignationStatus.RECTIFYING, DesignationStatus.IN_EXIT);
        assertThat(DesignationTransitions.next(DesignationStatus.IN_EXIT)).containsExactlyInAnyOrder(
                DesignationStatus.REVOKED, DesignationStatus.NAMED, DesignationStatus.RECTIFYING);
        for (DesignationStatus end : List.of(DesignationStatus.REVOKED, DesignationStatus.EXPIRED, DesignationStatus.DECLINED)) {
            assertThat(DesignationTransitions.next(end)).as(end + " is final").isEmpty();
        }
        // Expiry never cuts a procedure short; an application is never named without its notice.
        assertThat(DesignationTransitions.allowed(DesignationStatus.UNDER_REINSPECTION, DesignationStatus.EXPIRED)).isFalse();
        assertThat(DesignationTransitions.allowed(DesignationStatus.APPLYING, DesignationStatus.NAMED)).isFalse();
    }

    @Test
    void anIllegalStepIsRefusedNamingBothStatesAndWritesNothing() {
        long named = namedDesignation();
        int events = designations.events(named).size();
        assertThatThrownBy(() -> registry.changeStatus(named, DesignationStatus.APPLYING, "prelim1", "重新申报", null))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("不能从「已命名」（NAMED）变为「申报」（APPLYING）");
        assertThatThrownBy(() -> registry.name(named, "奈民创办发〔2026〕99号", false, "commission1", null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("「已命名」（NAMED）变为「已命名」");
        assertThat(designations.find(named).orElseThrow().status()).isEqualTo(DesignationStatus.NAMED);
        assertThat(designations.events(named)).hasSize(events);
    }

    @Test
    void revocationIsAnEventWithItsDocumentNumberAndEndsTheTitleForGood() {
        long named = namedDesignation();
        registry.openProcedure(named, "EXIT", DesignationStatus.IN_EXIT, "commission1", "发生一票否决事件", "pi-exit-" + named);
        registry.revoke(named, "奈民创办发〔2026〕30号", "leader1", "撤销命名", "pi-exit-" + named);
        registry.closeProcedure("pi-exit-" + named, "REVOKED");

        Designation revoked = designations.find(named).orElseThrow();
        assertThat(revoked.status()).isEqualTo(DesignationStatus.REVOKED);
        assertThat(revoked.revokedDate()).isEqualTo(TestClock.today());
        DesignationEvent last = designations.events(named).get(designations.events(named).size() - 1);
        assertThat(last).extracting(DesignationEvent::fromStatus, DesignationEvent::toStatus, DesignationEvent::actor,
                DesignationEvent::documentNumber, DesignationEvent::processInstanceId)
                .containsExactly(DesignationStatus.IN_EXIT, DesignationStatus.REVOKED, "leader1", "奈民创办发〔2026〕30号",
                        "pi-exit-" + named);
        assertThat(procedures.running(named)).isEmpty();
        assertThatThrownBy(() -> registry.changeStatus(named, DesignationStatus.NAMED, "admin", "恢复", null))
                .hasMessageContaining("「已撤销」是终结状态");
    }

    @Test
    void aDesignationHasOneRunningProcedureAtATime() {
        long named = namedDesignation();
        registry.openProcedure(named, "REINSPECTION", DesignationStatus.UNDER_REINSPECTION, "commission1", "三年复核",
                "pi-re-" + named);
        assertThatThrownBy(() -> registry.openProcedure(named, "EXIT", DesignationStatus.IN_EXIT, "commission1",
                "一票否决", "pi-exit-" + named))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("已有正在进行的复核复检（流程 pi-re-" + named + "）");
        registry.changeStatus(named, DesignationStatus.NAMED, "leader1", "保留称号", "pi-re-" + named);
        registry.closeProcedure("pi-re-" + named, "RETAINED");
        registry.openProcedure(named, "EXIT", DesignationStatus.IN_EXIT, "commission1", "一票否决", "pi-exit-" + named);
        assertThat(procedures.running(named)).hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo("EXIT"));
    }

    @Test
    void whileAProcedureRunsOnlyItsOwnInstanceChangesTheTitle() {
        long named = namedDesignation();
        registry.openProcedure(named, "EXIT", DesignationStatus.IN_EXIT, "commission1", "弄虚作假", "pi-exit-" + named);
        assertThatThrownBy(() -> registry.revoke(named, "伪造〔2026〕1号", "commission1", "撤销", "pi-other"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("其状态只能由该流程改变");
        assertThatThrownBy(() -> registry.changeStatus(named, DesignationStatus.NAMED, "admin", "恢复", null))
                .hasMessageContaining("退出程序（流程 pi-exit-" + named + "）");
        assertThatThrownBy(() -> registry.closeProcedure("pi-other", "REVOKED")).hasMessageContaining("没有正在进行的");
        assertThat(designations.find(named).orElseThrow().status()).isEqualTo(DesignationStatus.IN_EXIT);
        registry.revoke(named, "奈民创办发〔2026〕40号", "leader1", "撤销命名", "pi-exit-" + named);
        assertThat(designations.find(named).orElseThrow().status()).isEqualTo(DesignationStatus.REVOKED);
    }

    @Test
    void ofTwoSimultaneousStartsExactlyOneGetsThrough() throws Exception {
        long named = namedDesignation();
        CountDownLatch ready = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String instance = "pi-race-" + i + "-" + named;
            results.add(pool.submit(() -> new TransactionTemplate(transactions).execute(tx -> {
                ready.countDown();
                try {
                    ready.await(10, TimeUnit.SECONDS);
                    registry.openProcedure(named, "REINSPECTION", DesignationStatus.UNDER_REINSPECTION, "commission1",
                            "复核", instance);
                    return "started";
                } catch (RuleViolation refused) {
                    tx.setRollbackOnly();
                    return refused.getMessage();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            })));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn("started"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.contains("同一时间只能进行一项")).hasSize(1);
        assertThat(designations.events(named)).filteredOn(e -> e.toStatus() == DesignationStatus.UNDER_REINSPECTION).hasSize(1);
    }

    @Test
    void aStepOnAStateThatChangedMeanwhileIsRefusedAndOverwritesNothing() throws Exception {
        long named = namedDesignation();
        CountDownLatch expiredUncommitted = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        // The daily expiry moves the title to EXPIRED and commits only once the re-inspection's
        // update waits for its row lock ...
        Future<?> expiry = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            registry.changeStatus(named, DesignationStatus.EXPIRED, "system", "称号有效期满", null);
            expiredUncommitted.countDown();
            awaitALockWait();
        }));
        // ... which read NAMED (the expiry not yet committed) and tries to start.
        Future<String> reinspection = pool.submit(() -> new TransactionTemplate(transactions).execute(tx -> {
            await(expiredUncommitted);
            try {
                registry.changeStatus(named, DesignationStatus.UNDER_REINSPECTION, "commission1", "复核", "pi-late");
                return "started";
            } catch (RuleViolation refused) {
                tx.setRollbackOnly();
                return refused.getMessage();
            }
        }));
        expiry.get(30, TimeUnit.SECONDS);
        assertThat(reinspection.get(30, TimeUnit.SECONDS)).contains("刚刚由「已命名」变为「期满」");
        pool.shutdown();
        assertThat(designations.find(named).orElseThrow().status()).isEqualTo(DesignationStatus.EXPIRED);
        assertThat(designations.events(named)).extracting(DesignationEvent::toStatus)
                .doesNotContain(DesignationStatus.UNDER_REINSPECTION);
    }

    /** Until another session of this database waits for a lock (the competing update). */
    private void awaitALockWait() {
        for (int i = 0; i < 400; i++) {
            if (jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'").query(Integer.class).single() > 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the competing update never waited for the row lock");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyAHeldTitleCanBeReinspected() {
        Unit unit = units.insert(new Unit(null, "申报中单位-" + System.nanoTime(), UnitType.SCHOOL, "150525", "unit1", "王丽",
                "unit1@demo.example"));
        long applying = designations.insert(unit.id(), Level.BANNER, null, DesignationStatus.APPLYING, null, "测试");
        assertThatThrownBy(() -> registry.openProcedure(applying, "REINSPECTION", DesignationStatus.UNDER_REINSPECTION,
                "commission1", "复核", "pi-x-" + applying)).hasMessageContaining("不持有称号");
        assertThat(procedures.running(applying)).isEmpty();
    }

    private long namedDesignation() {
        Unit unit = units.insert(new Unit(null, "已命名单位-" + System.nanoTime(), UnitType.COMMUNITY, "150525", "unit2",
                "李强", "unit2@demo.example"));
        long id = designations.insert(unit.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "历史命名");
        LocalDate named = TestClock.today().minusYears(3);
        designations.recordNaming(id, named, "奈民创办发〔" + named.getYear() + "〕1号", named.plusYears(5), false);
        return id;
    }
}
