package org.ethnicunity.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One application walked from the start form to NAMED entirely in Camunda Tasklist, as the people
 * of region 150525 do it: every form is rendered by Tasklist's form-js, filled and submitted in a
 * real (headless) Chromium. It catches what the Java and REST tests cannot: a Camunda Form that the
 * engine accepts but Tasklist cannot render or submit. Only the public-notice timer is fired through
 * the Java API. A full-page screenshot of every filled form is written to target/screenshots/.
 */
class TasklistNominationBrowserTest extends IntegrationTest {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final String DEMO_PASSWORD = "demo";
    private static final double TIMEOUT_MS = 30_000;
    /**
     * form-js commits what is typed into a field after a short debounce (300 ms) and re-renders the
     * form; a value typed into another field while that is pending can be lost. A person types
     * slower than that; the test waits this long where a person would pause.
     */
    private static final int SETTLE_MS = 700;
    /** The six categories of the sample indicator set, as labelled on the forms. */
    private static final String[] CATEGORIES = {"组织领导与工作机制（满分20分）", "铸牢中华民族共同体意识教育（满分25分）",
            "促进各民族交往交流交融（满分20分）", "民族团结进步宣传教育（满分15分）", "依法治理民族事务（满分15分）", "创建特色与成效（满分25分）"};
    private static final String[] VETOES = {"一票否决：发生涉及民族因素的群体性事件", "一票否决：申报材料弄虚作假",
            "一票否决：领导班子成员严重违法违纪"};
    private static final String DOCUMENT_NUMBER = "奈民创办发〔2026〕9号";

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired DesignationRepository designations;
    @Autowired BusinessClock clock;

    /** Reported as skipped without Chromium, a failure in CI: see {@link Chromium}. */
    @BeforeAll
    static void launchChromium() {
        if (!Chromium.available()) {
            return;
        }
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
    }

    @BeforeEach
    void requireChromium() {
        Assumptions.assumeTrue(browser != null, Chromium.MISSING);
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void anApplicationIsNamedEntirelyThroughTasklist() {
        // A unit of its own (the demo unit1 may already have applied in another test of this context).
        NominationFixture fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        Unit unit = fixture.newUnit("150525");
        String campaignCode = clock.today().getYear() + "-BANNER-150525";

        asUser(unit.contactUser(), fixture.passwordOf(unit), page -> startApplication(page, campaignCode));
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(campaignCode + "/" + unit.id()).singleResult();
        assertThat(instance).as("the application started in Tasklist").isNotNull();
        String id = instance.getId();

        asUser("prelim1", DEMO_PASSWORD, page -> {
            TaskForm form = openTask(page, id, "PreliminaryReview", "属地初审");
            form.choose("通过初审").fillText("审核意见", "材料齐全，同意报送民委审核。");
            form.complete("02-preliminary-review.png");
        });

        asUser("commission1", DEMO_PASSWORD, page -> {
            TaskForm form = openTask(page, id, "CommissionReview", "民委材料审核");
            form.choose("审核通过，进入实地测评").fillText("审核意见", "符合申报条件。");
            form.complete("03-commission-review.png");
        });

        List<String> assessors = List.of("assessor1", "assessor2");
        for (int i = 0; i < assessors.size(); i++) {
            String assessor = assessors.get(i);
            String screenshotName = "0" + (4 + i) + "-site-assessment-" + assessor + ".png";
            asUser(assessor, DEMO_PASSWORD, page -> {
                TaskForm form = openTask(page, id, "SiteAssessment", "实地测评打分");
                form.fillNumbers(19, 23, 18, 14, 13, 24).fillText("测评意见", "实地查看了创建活动阵地，查阅了活动台账。");
                for (String veto : VETOES) {
                    PlaywrightAssertions.assertThat(form.field(veto)).not().isChecked();
                }
                form.complete(screenshotName);
            });
        }
        assertThat(engine.getRuntimeService().getVariable(id, "siteTotal")).isEqualTo(111.0);

        asUser("leader1", DEMO_PASSWORD, page -> {
            TaskForm form = openTask(page, id, "LeadingGroupApproval", "领导小组审批");
            form.choose("批准，进入公示").fillText("审批意见", "同意，进入公示。");
            form.complete("06-approval.png");
        });

        firePublicNoticeTimer(id);

        asUser("commission1", DEMO_PASSWORD, page -> {
            TaskForm form = openTask(page, id, "Naming", "命名发文");
            form.fillText("命名文号", DOCUMENT_NUMBER);
            form.complete("07-naming.png");
        });

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count())
                .as("the instance has ended").isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()
                .getState()).isEqualTo("COMPLETED");
        Designation designation = designation(id);
        assertThat(designation.status()).isEqualTo(DesignationStatus.NAMED);
        assertThat(designation.documentNumber()).isEqualTo(DOCUMENT_NUMBER);
        assertThat(mailsTo(unit.contactEmail())).extracting(Mail::subject)
                .containsExactly("【民族团结进步创建】命名通知：" + unit.name());
    }

    // ---- the steps ----------------------------------------------------------------------------

    /** Tasklist's 发起流程, the nomination model and its Chinese start form; 新建任务 is hidden (user-styles.css). */
    private void startApplication(Page page, String campaignCode) {
        PlaywrightAssertions.assertThat(page.locator("li.start-process-action a")).containsText("发起流程");
        PlaywrightAssertions.assertThat(page.locator(".create-task-action")).hasCount(1);
        PlaywrightAssertions.assertThat(page.locator(".create-task-action")).isHidden();
        page.locator("li.start-process-action a").click();
        page.locator(".modal-dialog .processes a", new Page.LocatorOptions().setHasText("示范单位评选命名")).click();
        Form form = new Form(page, awaitRenderedForm(page.locator(".modal-dialog"), "the start form"));
        form.fillNumbers(18, 22, 18, 13, 13, 22)
                .fillText("评选批次编号", campaignCode)
                .fillText("创建工作情况", "开展铸牢中华民族共同体意识教育，组织民族团结进步宣传月活动。")
                .fillText("附件材料", "https://example.test/materials/tasklist");
        form.checkValues();
        screenshot(page, "01-application.png");
        Locator start = page.locator(".modal-footer button[ng-click='startProcessInstance()']");
        PlaywrightAssertions.assertThat(start).isEnabled();
        start.click();
        awaitOutcome(page, () -> page.locator(".modal-dialog").count() == 0, "starting the process");
    }

    /**
     * Selects the filter 全部待办, picks the instance's task in the list (the list may hold other
     * applications' tasks too), claims it and waits for its form.
     */
    private TaskForm openTask(Page page, String processInstanceId, String taskKey, String taskName) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).taskUnassigned().list().stream().findFirst()
                .orElseThrow(() -> new AssertionError("no unclaimed task " + taskKey + " in " + processInstanceId));
        page.locator("[cam-tasklist-filters] .task-filter", new Page.LocatorOptions().setHasText("全部待办")).click();
        page.locator("[cam-tasks] a[href='#/?task=" + task.getId() + "']", new Page.LocatorOptions().setHasText(taskName))
                .click();
        PlaywrightAssertions.assertThat(page.locator(".task-details h2.task")).hasText(taskName);
        claim(page);
        Locator root = awaitRenderedForm(page.locator(".task-details"), "task " + taskName);
        return new TaskForm(page, root, task.getId());
    }

    /** A task of a candidate group must be claimed before Tasklist (in Chinese, locales/zh.json) enables its form. */
    private static void claim(Page page) {
        Locator claim = page.locator(".task-details button.claim");
        PlaywrightAssertions.assertThat(claim).hasText("认领");
        claim.click();
        claim.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        PlaywrightAssertions.assertThat(page.locator(".task-details .disabled-form")).hasCount(0);
    }

    /** The public notice lasts 5 working days: its timer is fired here instead of waited for. */
    private void firePublicNoticeTimer(String processInstanceId) {
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).timers()
                .singleResult();
        assertThat(timer).as("the public-notice timer").isNotNull();
        engine.getManagementService().executeJob(timer.getId());
    }

    private Designation designation(String processInstanceId) {
        Object id = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName("designationId").singleResult().getValue();
        return designations.find(((Number) id).longValue()).orElseThrow();
    }

    // ---- Tasklist -----------------------------------------------------------------------------

    /** Logs in to Tasklist in a fresh browser context (own cookies) and runs the steps as that user. */
    private void asUser(String user, String password, Consumer<Page> steps) {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai")
                // Tall enough for the longest form: Tasklist scrolls inside its panes, not the page.
                .setViewportSize(1400, 2600))) {
            context.setDefaultTimeout(TIMEOUT_MS);
            Page page = context.newPage();
            try {
                login(page, user, password);
                steps.accept(page);
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, "failure-" + user + ".png");
                throw e;
            }
        }
    }

    private void login(Page page, String user, String password) {
        page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/");
        Locator username = page.locator("form[name='signinForm'] input[ng-model='username']");
        Locator passwordField = page.locator("form[name='signinForm'] input[ng-model='password']");
        // The login page's autofocus can steal the focus while Playwright types: fill until both hold.
        for (int attempt = 0; attempt < 5; attempt++) {
            username.fill(user);
            passwordField.fill(password);
            if (username.inputValue().equals(user) && passwordField.inputValue().equals(password)) {
                break;
            }
            page.waitForTimeout(200);
        }
        page.locator("form[name='signinForm'] button[type='submit']").click();
        awaitOutcome(page, () -> page.locator("[cam-tasklist-filters] .task-filter").count() > 0, "logging in as " + user);
    }

    /**
     * Waits until form-js has rendered the Camunda Form inside the given part of the page, or fails
     * with Tasklist's "Form failure" message.
     */
    private static Locator awaitRenderedForm(Locator scope, String formName) {
        Locator form = scope.locator(".fjs-form");
        Locator failure = scope.locator("[cam-tasklist-form] .alert-danger:visible");
        form.or(failure).first().waitFor();
        if (failure.count() > 0) {
            fail("Tasklist could not render " + formName + ": " + failure.first().innerText());
        }
        PlaywrightAssertions.assertThat(form.locator(".fjs-form-field").first()).isVisible();
        return form;
    }

    /** Waits for the action to succeed, or fails with the error Tasklist shows. */
    private static void awaitOutcome(Page page, BooleanSupplier succeeded, String action) {
        Locator error = page.locator(".notifications .alert-danger");
        page.waitForCondition(() -> succeeded.getAsBoolean() || error.count() > 0,
                new Page.WaitForConditionOptions().setTimeout(TIMEOUT_MS));
        if (!succeeded.getAsBoolean()) {
            fail("Tasklist refused " + action + ": " + error.first().innerText().replace("×", "").trim());
        }
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }

    /** A Camunda Form rendered by form-js, filled field by field as a person would. */
    private static class Form {

        final Page page;
        final Locator root;
        private final Map<String, String> filled = new LinkedHashMap<>();

        Form(Page page, Locator root) {
            this.page = page;
            this.root = root;
        }

        Locator field(String label) {
            return root.getByLabel(label);
        }

        /** The six category scores, then a pause: form-js commits numbers a moment after typing. */
        Form fillNumbers(Number... scores) {
            for (int i = 0; i < CATEGORIES.length; i++) {
                fillNumber(CATEGORIES[i], scores[i]);
            }
            page.waitForTimeout(SETTLE_MS);
            return this;
        }

        Form fillNumber(String label, Number value) {
            field(label).fill(value.toString());
            filled.put(label, value.toString());
            return this;
        }

        /** Types the text and leaves the field (Tab), which makes form-js commit it at once. */
        Form fillText(String label, String value) {
            field(label).fill(value);
            field(label).press("Tab");
            filled.put(label, value);
            return this;
        }

        Form choose(String option) {
            field(option).check();
            return this;
        }

        /** After a pause, every field still shows what was typed and form-js reports no error. */
        void checkValues() {
            page.waitForTimeout(SETTLE_MS);
            filled.forEach((label, value) -> PlaywrightAssertions.assertThat(field(label)).hasValue(value));
            PlaywrightAssertions.assertThat(root.locator(".fjs-form-field-error")).hasCount(0);
        }
    }

    /** The form of an open task in Tasklist's task pane. */
    private final class TaskForm extends Form {

        private final String taskId;

        TaskForm(Page page, Locator root, String taskId) {
            super(page, root);
            this.taskId = taskId;
        }

        @Override
        TaskForm fillNumbers(Number... scores) {
            super.fillNumbers(scores);
            return this;
        }

        @Override
        TaskForm fillText(String label, String value) {
            super.fillText(label, value);
            return this;
        }

        @Override
        TaskForm choose(String option) {
            super.choose(option);
            return this;
        }

        /** Screenshot of the filled form, then Tasklist's Complete; the task must be gone after. */
        void complete(String screenshotName) {
            checkValues();
            screenshot(page, screenshotName);
            Locator complete = page.locator(".task-details button[ng-click='complete()']");
            PlaywrightAssertions.assertThat(complete).isEnabled();
            PlaywrightAssertions.assertThat(complete).hasText("提交");
            complete.click();
            awaitOutcome(page, () -> page.locator("[cam-tasklist-task] .no-task").isVisible(), "completing the task");
            assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).as("task completed").isZero();
        }
    }
}
