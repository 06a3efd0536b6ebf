package org.ethnicunity.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.engine.Caller;
import org.ethnicunity.platform.security.AccessDenied;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page for people (linked from mails), logged in as in Tasklist: without a login it shows the
 * login form that logs in through Camunda's own endpoint; a refusal or failure is a Chinese page,
 * never a stack trace. Pages extend it; their URLs need {@link WebappLoginFilter} in front.
 */
public abstract class PersonPage {

    private static final Logger log = LoggerFactory.getLogger(PersonPage.class);

    protected final WebappLogin login;
    protected final IdentityService identity;
    private final String what;
    private final String notFoundTitle;

    /** @param what what the page shows, for the login form (命名记录, 工作报送, ...) */
    protected PersonPage(WebappLogin login, IdentityService identity, String what, String notFoundTitle) {
        this.login = login;
        this.identity = identity;
        this.what = what;
        this.notFoundTitle = notFoundTitle;
    }

    /** The login filter in front of a page's URLs, so that they run as the user logged in to Tasklist. */
    public static FilterRegistrationBean<WebappLoginFilter> loginFilter(String name, String urlPattern, WebappLogin login,
                                                                      IdentityService identity) {
        FilterRegistrationBean<WebappLoginFilter> registration = new FilterRegistrationBean<>(new WebappLoginFilter(login, identity));
        registration.setName(name);
        registration.addUrlPatterns(urlPattern);
        registration.setOrder(10);
        return registration;
    }

    /** The login form's view when nobody is logged in, else empty; personal pages are never cached. */
    protected Optional<String> loginForm(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("tasklist", login.tasklistPath());
        if (identity.getCurrentAuthentication() != null) {
            model.addAttribute("user", Caller.current(identity).getUserId());
            return Optional.empty();
        }
        model.addAttribute("what", what);
        model.addAttribute("userEndpoint", login.userEndpoint());
        model.addAttribute("loginEndpoint", login.loginEndpoint());
        model.addAttribute("csrfToken", login.csrfToken(request).orElse(null));
        return Optional.of("registry/login");
    }

    // These handlers answer the page's controller only, ahead of the /api JSON handlers of ApiExceptionHandler.

    @ExceptionHandler({NotFound.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound(Exception e) {
        String message = e instanceof NotFound ? e.getMessage() : "链接中的记录编号无效，请核对邮件中的链接";
        return refusal(HttpStatus.NOT_FOUND, notFoundTitle, message);
    }

    @ExceptionHandler(RuleViolation.class)
    ModelAndView refused(RuleViolation e) {
        return refusal(HttpStatus.BAD_REQUEST, "无法显示", e.getMessage());
    }

    @ExceptionHandler(AccessDenied.class)
    ModelAndView denied(AccessDenied e) {
        return refusal(HttpStatus.FORBIDDEN, "无权查看", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("Unexpected failure on {}", getClass().getSimpleName(), e);
        return refusal(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", "页面暂时无法显示，已记录日志，请稍后重试或联系管理员");
    }

    private ModelAndView refusal(HttpStatus status, String title, String message) {
        ModelAndView page = new ModelAndView("registry/refusal", status);
        page.addObject("title", title);
        page.addObject("message", message);
        page.addObject("tasklist", login.tasklistPath());
        // Still inside the request's login: the refusal names the account, so a person can switch.
        if (identity.getCurrentAuthentication() != null) {
            page.addObject("user", Caller.current(identity).getUserId());
        }
        return page;
    }
}
