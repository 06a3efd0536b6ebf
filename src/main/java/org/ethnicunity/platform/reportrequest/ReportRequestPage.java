package org.ethnicunity.platform.reportrequest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.IdentityService;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.RuleViolation;
import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.web.NotFound;
import org.ethnicunity.platform.web.WebappLogin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Everything of one report request in one place, for the requesting commission in the browser:
 * the counts, every member with its status and late flag, and each report's text and link. Logged
 * in as in Tasklist (the review task's form links here); the same people as the API see it.
 */
@Controller
class ReportRequestPage {

    static final String PATH = "/report-requests/";
    static final int PAGE_SIZE = 200;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Logger log = LoggerFactory.getLogger(ReportRequestPage.class);

    private final ReportRequestView view;
    private final ApiAccess access;
    private final IdentityService identity;
    private final WebappLogin login;
    private final BusinessClock clock;

    ReportRequestPage(ReportRequestView view, ApiAccess access, IdentityService identity, WebappLogin login,
                      BusinessClock clock) {
        this.view = view;
        this.access = access;
        this.identity = identity;
        this.login = login;
        this.clock = clock;
    }

    @GetMapping(PATH + "{launchId}")
    String overview(@PathVariable long launchId, @RequestParam(required = false) String status,
                    @RequestParam(defaultValue = "0") int page, HttpServletRequest request, HttpServletResponse response,
                    Model model) {
        // Reports of named people and, on the login form, the session's CSRF token: not for any cache.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("tasklist", login.tasklistPath());
        if (identity.getCurrentAuthentication() == null) {
            model.addAttribute("what", "工作报送");
            model.addAttribute("userEndpoint", login.userEndpoint());
            model.addAttribute("loginEndpoint", login.loginEndpoint());
            model.addAttribute("csrfToken", login.csrfToken(request).orElse(null));
            return "registry/login";
        }
        ReportRequestView.Overview overview = view.overview(launchId, SubmissionStatus.filter(status), page, PAGE_SIZE, true);
        model.addAttribute("user", access.userId());
        model.addAttribute("report", overview);
        model.addAttribute("path", PATH + launchId);
        model.addAttribute("minute", MINUTE);
        model.addAttribute("statuses", SubmissionStatus.values());
        model.addAttribute("zone", clock.zone());
        model.addAttribute("hasNext", (long) (overview.page() + 1) * overview.size() < overview.matching());
        return "reportrequest/overview";
    }

    // These handlers answer this page only, ahead of the /api JSON handlers.

    @ExceptionHandler({NotFound.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound(Exception e) {
        return refusal(HttpStatus.NOT_FOUND, "找不到该工作报送",
                e instanceof NotFound ? e.getMessage() : "链接中的编号无效，请核对链接");
    }

    @ExceptionHandler(RuleViolation.class)
    ModelAndView badFilter(RuleViolation e) {
        return refusal(HttpStatus.BAD_REQUEST, "无法显示", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("Unexpected failure on the report request page", e);
        return refusal(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", "页面暂时无法显示，已记录日志，请稍后重试或联系管理员");
    }

    private ModelAndView refusal(HttpStatus status, String title, String message) {
        ModelAndView page = new ModelAndView("registry/refusal", status);
        page.addObject("title", title);
        page.addObject("message", message);
        page.addObject("tasklist", login.tasklistPath());
        if (identity.getCurrentAuthentication() != null) {
            page.addObject("user", identity.getCurrentAuthentication().getUserId());
        }
        return page;
    }
}
