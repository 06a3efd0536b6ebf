package org.ethnicunity.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda Tasklist driven as a person drives it, for the browser tests: log in (each user in a
 * fresh browser context), start a process from 发起流程, pick a task from 全部待办, claim it, fill its
 * Camunda Form as rendered by form-js and submit it. Full-page screenshots go to target/screenshots/.
 */
public final class Tasklist {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    public static final double TIMEOUT_MS = 30_000;
    /**
     * form-js commits what is typed into a field after a short debounce (300 ms) and re-renders the
     * form; a value typed into another field while that is pending can be lost. A person types
     * slower than that; the tests wait this long where a person would pause.
     */
    static final int SETTLE_MS = 700;
    /** The six categories of the sample indicator set, as labelled on the forms. */
    static final String[] CATEGORIES = {"组织领导与工作机制（满分20分）", "铸牢中华民族共同体意识教育（满分25分）",
            "促进各民族交往交流交融（满分20分）", "民族团结进步宣传教育（满分15分）", "依法治理民族事务（满分15分）", "创建特色与成效（满分25分）"};

    private final Browser browser;
    private final int port;
    private final ProcessEngine engine;

    public Tasklist(Browser browser, int port, ProcessEngine engine) {
        this.browser = browser;
        this.port = port;
        this.engine = engine;
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
    }

    /** Logs in to Tasklist in a fresh browser context (own cookies) and runs the steps as that user. */
    public void asUser(String user, String password, Consumer<Page> steps) {
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

    /** Tasklist's 发起流程 with the named process; returns its rendered start form. */
    public Form openStartForm(Page page, String processName) {
        PlaywrightAssertions.assertThat(page.locator("li.start-process-action a")).containsText("发起流程");
        page.locator("li.start-process-action a").click();
        page.locator(".modal-dialog .processes a", new Page.LocatorOptions().setHasText(processName)).click();
        return new Form(page, awaitRenderedForm(page.locator(".modal-dialog"), "the start form of " + processName));
    }

    /** Starts the process with the filled start form; the dialog must close without an error. */
    public void start(Page page, Form form, String screenshotName) {
        form.checkValues();
        screenshot(page, screenshotName);
        Locator start = page.locator(".modal-footer button[ng-click='startProcessInstance()']");
        PlaywrightAssertions.assertThat(start).isEnabled();
        start.click();
        awaitOutcome(page, () -> page.locator(".modal-dialog").count() == 0, "starting the process");
    }

    /**
     * Selects the filter 全部待办, picks the instance's task in the list (the list may hold other
     * instances' tasks too), claims it when it is a group task, and waits for its form.
     */
    public TaskForm openTask(Page page, String processInstanceId, String taskKey, String taskName) {
        return openTask(page, "全部待办", processInstanceId, taskKey, taskName);
    }

    /** The same through another shared filter, e.g. a launch's own 「…（逾期在前）」. */
    public TaskForm openTask(Page page, String filter, String processInstanceId, String taskKey, String taskName) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).list().stream().filter(t -> t.getAssignee() == null).findFirst()
                .or(() -> engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                        .taskDefinitionKey(taskKey).list().stream().findFirst())
                .orElseThrow(() -> new AssertionError("no open task " + taskKey + " in " + processInstanceId));
        page.locator("[cam-tasklist-filters] .task-filter", new Page.LocatorOptions().setHasText(filter)).click();
        page.locator("[cam-tasks] a[href='#/?task=" + task.getId() + "']", new Page.LocatorOptions().setHasText(taskName))
                .click();
        PlaywrightAssertions.assertThat(page.locator(".task-details h2.task")).hasText(taskName);
        if (task.getAssignee() == null) {
            claim(page);
        }
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
    static Locator awaitRenderedForm(Locator scope, String formName) {
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
    static void awaitOutcome(Page page, BooleanSupplier succeeded, String action) {
        Locator error = page.locator(".notifications .alert-danger");
        page.waitForCondition(() -> succeeded.getAsBoolean() || error.count() > 0,
                new Page.WaitForConditionOptions().setTimeout(TIMEOUT_MS));
        if (!succeeded.getAsBoolean()) {
            fail("Tasklist refused " + action + ": " + error.first().innerText().replace("×", "").trim());
        }
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }

    /** A Camunda Form rendered by form-js, filled field by field as a person would. */
    public static class Form {

        final Page page;
        final Locator root;
        private final Map<String, String> filled = new LinkedHashMap<>();

        Form(Page page, Locator root) {
            this.page = page;
            this.root = root;
        }

        /** The field of that label; where a read-only copy shares it (自评：… beside the reviewer's score), the one to fill. */
        public Locator field(String label) {
            Locator all = root.getByLabel(label);
            return all.count() > 1 ? all.and(root.locator("input:enabled, textarea:enabled")) : all;
        }

        /** The six category scores, then a pause: form-js commits numbers a moment after typing. */
        public Form fillNumbers(Number... scores) {
            for (int i = 0; i < CATEGORIES.length; i++) {
                fillNumber(CATEGORIES[i], scores[i]);
            }
            page.waitForTimeout(SETTLE_MS);
            return this;
        }

        public Form fillNumber(String label, Number value) {
            field(label).fill(value.toString());
            filled.put(label, value.toString());
            return this;
        }

        /** Types the text and leaves the field (Tab), which makes form-js commit it at once. */
        public Form fillText(String label, String value) {
            field(label).fill(value);
            field(label).press("Tab");
            filled.put(label, value);
            return this;
        }

        public Form choose(String option) {
            field(option).check();
            return this;
        }

        /** form-js's date picker, in a Chinese browser, takes the date typed as 2026/6/15 and stores it as ISO. */
        public Form fillDate(String label, java.time.LocalDate date) {
            String typed = date.format(java.time.format.DateTimeFormatter.ofPattern("yyyy/M/d"));
            field(label).fill(typed);
            field(label).press("Enter");
            field(label).press("Tab");
            filled.put(label, typed);
            return this;
        }

        /** After a pause, every field still shows what was typed and form-js reports no error. */
        public void checkValues() {
            page.waitForTimeout(SETTLE_MS);
            filled.forEach((label, value) -> PlaywrightAssertions.assertThat(field(label)).hasValue(value));
            PlaywrightAssertions.assertThat(root.locator(".fjs-form-field-error")).hasCount(0);
        }
    }

    /** The form of an open task in Tasklist's task pane. */
    public final class TaskForm extends Form {

        private final String taskId;

        TaskForm(Page page, Locator root, String taskId) {
            super(page, root);
            this.taskId = taskId;
        }

        @Override
        public TaskForm fillNumbers(Number... scores) {
            super.fillNumbers(scores);
            return this;
        }

        @Override
        public TaskForm fillNumber(String label, Number value) {
            super.fillNumber(label, value);
            return this;
        }

        @Override
        public TaskForm fillText(String label, String value) {
            super.fillText(label, value);
            return this;
        }

        @Override
        public TaskForm choose(String option) {
            super.choose(option);
            return this;
        }

        /** Screenshot of the filled form, then Tasklist's 提交; the task must be gone after. */
        public void complete(String screenshotName) {
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
