package org.ethnicunity.platform.launcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.security.Roles;
import org.ethnicunity.platform.web.NotFound;
import org.ethnicunity.platform.web.PersonPage;
import org.ethnicunity.platform.web.WebappLogin;
import org.ethnicunity.platform.web.WebappLoginFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The launch's page for the commission (the finished mail links to it): progress while it runs
 * (the page refreshes itself), the members that could not be started and why, and the way to the
 * launch's Tasklist filter. The same people as {@code GET /api/launches/{id}}, logged in as in Tasklist.
 */
@Controller
class LaunchPage extends PersonPage {

    private final LaunchService service;
    private final LaunchRepository launches;
    private final LaunchKinds kinds;
    private final ApiAccess access;

    LaunchPage(LaunchService service, LaunchRepository launches, LaunchKinds kinds, ApiAccess access,
               WebappLogin login, IdentityService identity) {
        super(login, identity, "批量发起", "找不到该批量发起");
        this.service = service;
        this.launches = launches;
        this.kinds = kinds;
        this.access = access;
    }

    @GetMapping("/launches/{id}")
    String launch(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return loginForm.get();
        }
        Launch launch = service.current(id).filter(l -> access.hasRoleFor(l.regionCode(), List.of(Roles.COMMISSION)))
                .orElseThrow(() -> new NotFound("找不到编号为 " + id + " 的批量发起（或您无权查看）"));
        model.addAttribute("launch", launch);
        model.addAttribute("kind", kinds.of(launch.kind()).label());
        model.addAttribute("failed", launches.members(id, "FAILED", 200, 0));
        model.addAttribute("filterLink", launch.filterId() == null ? null
                : login.tasklistPath() + "#/?filter=" + launch.filterId());
        return "launcher/launch";
    }

    @Bean
    static FilterRegistrationBean<WebappLoginFilter> launchPagesLogin(WebappLogin login, IdentityService identity) {
        return loginFilter("launch-pages-login", "/launches/*", login, identity);
    }
}
