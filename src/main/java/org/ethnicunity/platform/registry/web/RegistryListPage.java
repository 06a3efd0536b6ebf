package org.ethnicunity.platform.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.UnitType;
import org.ethnicunity.platform.security.AccessDenied;
import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.web.PersonPage;
import org.ethnicunity.platform.web.WebappLogin;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registry's lists for people, reached from Tasklist's header and logged in as there: filters,
 * pages, sorting and the export of what the filters match, scoped like the API
 * ({@link RegistryScope}). A refused filter value is a Chinese page.
 */
@Controller
class RegistryListPage extends PersonPage {

    static final String DESIGNATIONS = "/registry/designations";

    static final String UNITS = "/registry/units";
    static final String CAMPAIGNS = "/registry/campaigns";
    static final String LAUNCHES = "/registry/launches";

    private final DesignationList designations;
    private final UnitList units;
    private final ProgressList progress;
    private final RegistryExports exports;
    private final ApiAccess access;
    private final BusinessClock clock;

    RegistryListPage(DesignationList designations, UnitList units, ProgressList progress, RegistryExports exports,
                     ApiAccess access, WebappLogin login, IdentityService identity, BusinessClock clock) {
        super(login, identity, "登记库", "找不到该页面");
        this.designations = designations;
        this.units = units;
        this.progress = progress;
        this.exports = exports;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping({"/registry", "/registry/"})
    String home() {
        return "redirect:" + DESIGNATIONS;
    }

    @GetMapping(DESIGNATIONS)
    String designations(@RequestParam Map<String, String> query, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return loginForm.get();
        }
        ListParams params = new ListParams(query);
        DesignationList.Filter filter = DesignationList.Filter.of(params);
        Paged<DesignationList.Row> page = designations.page(filter, RegistryScope.ofUnits(access), params);
        model.addAttribute("filter", filter);
        model.addAttribute("list", page);
        model.addAttribute("links", new PageLinks(DESIGNATIONS, filter.query(), page.sort(), page.direction()));
        options(model);
        return "registry/designations";
    }

    @GetMapping(DESIGNATIONS + ".xlsx")
    void exportDesignations(@RequestParam Map<String, String> query, HttpServletResponse response) {
        requireLogin();
        ListParams params = new ListParams(query);
        exports.designations(DesignationList.Filter.of(params), RegistryScope.ofUnits(access), params, response);
    }

    @GetMapping(UNITS)
    String units(@RequestParam Map<String, String> query, HttpServletRequest request, HttpServletResponse response,
                 Model model) {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return loginForm.get();
        }
        ListParams params = new ListParams(query);
        UnitList.Filter filter = UnitList.Filter.of(params);
        Paged<UnitList.Row> page = units.page(filter, RegistryScope.ofUnits(access), params);
        model.addAttribute("filter", filter);
        model.addAttribute("list", page);
        model.addAttribute("links", new PageLinks(UNITS, filter.query(), page.sort(), page.direction()));
        options(model);
        model.addAttribute("active", "units");
        return "registry/units";
    }

    @GetMapping(UNITS + ".xlsx")
    void exportUnits(@RequestParam Map<String, String> query, HttpServletResponse response) {
        requireLogin();
        ListParams params = new ListParams(query);
        exports.units(UnitList.Filter.of(params), RegistryScope.ofUnits(access), params, response);
    }

    @GetMapping(CAMPAIGNS)
    String campaigns(@RequestParam Map<String, String> query, HttpServletRequest request, HttpServletResponse response,
                     Model model) {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return loginForm.get();
        }
        ListParams params = new ListParams(query);
        ProgressList.CampaignFilter filter = ProgressList.CampaignFilter.of(params);
        Paged<ProgressList.CampaignRow> page = progress.campaigns(filter, RegistryScope.ofCampaigns(access), params);
        model.addAttribute("filter", filter);
        model.addAttribute("list", page);
        model.addAttribute("links", new PageLinks(CAMPAIGNS, filter.query(), page.sort(), page.direction()));
        options(model);
        model.addAttribute("active", "campaigns");
        return "registry/campaigns";
    }

    @GetMapping(CAMPAIGNS + ".xlsx")
    void exportCampaigns(@RequestParam Map<String, String> query, HttpServletResponse response) {
        requireLogin();
        exports.campaigns(ProgressList.CampaignFilter.of(new ListParams(query)), RegistryScope.ofCampaigns(access), response);
    }

    @GetMapping(LAUNCHES)
    String launches(@RequestParam Map<String, String> query, HttpServletRequest request, HttpServletResponse response,
                    Model model) {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return loginForm.get();
        }
        ListParams params = new ListParams(query);
        ProgressList.LaunchFilter filter = ProgressList.LaunchFilter.of(params);
        Paged<ProgressList.LaunchRow> page = progress.launches(filter, RegistryScope.ofLaunches(access), params);
        model.addAttribute("filter", filter);
        model.addAttribute("list", page);
        model.addAttribute("links", new PageLinks(LAUNCHES, filter.query(), page.sort(), page.direction()));
        model.addAttribute("kinds", progress.kinds());
        model.addAttribute("times", new Times(clock.zone()));
        model.addAttribute("active", "launches");
        return "registry/launches";
    }

    @GetMapping(LAUNCHES + ".xlsx")
    void exportLaunches(@RequestParam Map<String, String> query, HttpServletResponse response) {
        requireLogin();
        exports.launches(ProgressList.LaunchFilter.of(new ListParams(query)), RegistryScope.ofLaunches(access), response);
    }

    private void options(Model model) {
        model.addAttribute("levels", Level.values());
        model.addAttribute("statuses", DesignationStatus.values());
        model.addAttribute("unitTypes", UnitType.values());
        model.addAttribute("active", "designations");
    }

    /** A download needs the Tasklist login; without one the answer is the Chinese refusal page. */
    private void requireLogin() {
        if (identity.getCurrentAuthentication() == null) {
            throw new AccessDenied("请先登录任务列表（Tasklist），再下载导出文件");
        }
    }
}
