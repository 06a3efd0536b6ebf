package org.ethnicunity.platform.registry;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.security.AccessDenied;
import org.ethnicunity.platform.security.Actors;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page the naming and decline mails link to: one designation with its history, in Chinese, for
 * the people who may see it through {@code GET /api/designations/{id}} ({@link UnitVisibility}),
 * logged in as in Tasklist. Without a login it shows a login form that logs in through Camunda's own
 * endpoint; a refusal or failure is a Chinese page, never a stack trace.
 */
@Controller
@RequestMapping("/registry/designations")
class DesignationPage {

    private static final Logger log = LoggerFactory.getLogger(DesignationPage.class);

    private final DesignationRepository designations;
    private final UnitRepository units;
    private final CampaignRepository campaigns;
    private final UnitVisibility visibility;
    private final ApiAccess access;
    private final IdentityService identity;
    private final WebappLogin login;
    private final BusinessClock clock;

    DesignationPage(DesignationRepository designations, UnitRepository units, CampaignRepository campaigns,
                    UnitVisibility visibility, ApiAccess access, IdentityService identity, WebappLogin login,
                    BusinessClock clock) {
        this.designations = designations;
        this.units = units;
        this.campaigns = campaigns;
        this.visibility = visibility;
        this.access = access;
        this.identity = identity;
        this.login = login;
        this.clock = clock;
    }

    @GetMapping("/{id}")
    String designation(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        // Personal records and, on the login form, the session's CSRF token: not for any cache.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("tasklist", login.tasklistPath());
        if (identity.getCurrentAuthentication() == null) {
            model.addAttribute("userEndpoint", login.userEndpoint());
            model.addAttribute("loginEndpoint", login.loginEndpoint());
            model.addAttribute("csrfToken", login.csrfToken(request).orElse(null));
            return "registry/login";
        }
        Designation designation = designations.find(id).orElseThrow(() -> new NotFound("找不到编号为 " + id + " 的命名记录"));
        Unit unit = units.find(designation.unitId()).orElseThrow(() -> new NotFound("找不到编号为 " + id + " 的命名记录"));
        if (!visibility.canSee(unit)) {
            throw new AccessDenied("您无权查看该单位的命名记录");
        }
        String campaign = designation.campaignId() == null ? null
                : campaigns.find(designation.campaignId()).map(Campaign::name).orElse(null);
        List<DesignationEvent> events = designations.events(id);
        model.addAttribute("user", access.userId());
        model.addAttribute("sheet", DesignationSheet.of(designation, unit, campaign, events, clock.zone(), names(events)));
        return "registry/designation";
    }

    /**
     * Display names of the people in the history. Read without the caller's authorizations: a unit
     * contact may not read the user directory, but may know who decided on their application.
     */
    private Function<String, String> names(List<DesignationEvent> events) {
        String[] ids = events.stream().map(DesignationEvent::actor).distinct().toArray(String[]::new);
        Map<String, String> names = ids.length == 0 ? Map.of() : access.asPlatform(() -> identity.createUserQuery()
                .userIdIn(ids).list().stream().collect(Collectors.toMap(User::getId, DesignationPage::displayName)));
        return id -> Actors.SYSTEM.equals(id) ? "系统自动处理" : names.getOrDefault(id, id);
    }

    private static String displayName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }

    // These handlers answer this page only, ahead of the /api JSON handlers of ApiExceptionHandler.

    @ExceptionHandler({NotFound.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound(Exception e) {
        String message = e instanceof NotFound ? e.getMessage() : "链接中的记录编号无效，请核对邮件中的链接";
        return refusal(HttpStatus.NOT_FOUND, "找不到该命名记录", message);
    }

    @ExceptionHandler(AccessDenied.class)
    ModelAndView denied(AccessDenied e) {
        ModelAndView page = refusal(HttpStatus.FORBIDDEN, "无权查看", e.getMessage());
        // Still inside the request's login: the refusal names the account, so a person can switch.
        page.addObject("user", access.userId());
        return page;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("Unexpected failure on the designation page", e);
        return refusal(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", "页面暂时无法显示，已记录日志，请稍后重试或联系管理员");
    }

    private ModelAndView refusal(HttpStatus status, String title, String message) {
        ModelAndView page = new ModelAndView("registry/refusal", status);
        page.addObject("title", title);
        page.addObject("message", message);
        page.addObject("tasklist", login.tasklistPath());
        return page;
    }
}
