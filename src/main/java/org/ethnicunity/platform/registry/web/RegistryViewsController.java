package org.ethnicunity.platform.registry.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.ethnicunity.platform.security.ApiAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry's lists for integrators: the same views as the pages under {@code /registry}, as
 * JSON pages ({@code ?page=0&size=50&sort=namedDate&dir=desc} and the filters) or, with
 * {@code .xlsx}, every matching row as a workbook. Scoped like the pages: see docs/registry.md.
 */
@RestController
@RequestMapping("/api/registry")
class RegistryViewsController {

    private final DesignationList designations;
    private final UnitList units;
    private final ProgressList progress;
    private final RegistryExports exports;
    private final ApiAccess access;

    RegistryViewsController(DesignationList designations, UnitList units, ProgressList progress, RegistryExports exports,
                            ApiAccess access) {
        this.designations = designations;
        this.units = units;
        this.progress = progress;
        this.exports = exports;
        this.access = access;
    }

    @GetMapping("/designations")
    Paged<DesignationList.Row> designations(@RequestParam Map<String, String> query) {
        ListParams params = new ListParams(query);
        return designations.page(DesignationList.Filter.of(params), RegistryScope.ofUnits(access), params);
    }

    @GetMapping("/designations.xlsx")
    void exportDesignations(@RequestParam Map<String, String> query, HttpServletResponse response) {
        ListParams params = new ListParams(query);
        exports.designations(DesignationList.Filter.of(params), RegistryScope.ofUnits(access), params, response);
    }

    @GetMapping("/units")
    Paged<UnitList.Row> units(@RequestParam Map<String, String> query) {
        ListParams params = new ListParams(query);
        return units.page(UnitList.Filter.of(params), RegistryScope.ofUnits(access), params);
    }

    @GetMapping("/units.xlsx")
    void exportUnits(@RequestParam Map<String, String> query, HttpServletResponse response) {
        ListParams params = new ListParams(query);
        exports.units(UnitList.Filter.of(params), RegistryScope.ofUnits(access), params, response);
    }

    @GetMapping("/campaigns")
    Paged<ProgressList.CampaignRow> campaigns(@RequestParam Map<String, String> query) {
        ListParams params = new ListParams(query);
        return progress.campaigns(ProgressList.CampaignFilter.of(params), RegistryScope.ofCampaigns(access), params);
    }

    @GetMapping("/campaigns.xlsx")
    void exportCampaigns(@RequestParam Map<String, String> query, HttpServletResponse response) {
        exports.campaigns(ProgressList.CampaignFilter.of(new ListParams(query)), RegistryScope.ofCampaigns(access), response);
    }

    @GetMapping("/launches")
    Paged<ProgressList.LaunchRow> launches(@RequestParam Map<String, String> query) {
        ListParams params = new ListParams(query);
        return progress.launches(ProgressList.LaunchFilter.of(params), RegistryScope.ofLaunches(access), params);
    }

    @GetMapping("/launches.xlsx")
    void exportLaunches(@RequestParam Map<String, String> query, HttpServletResponse response) {
        exports.launches(ProgressList.LaunchFilter.of(new ListParams(query)), RegistryScope.ofLaunches(access), response);
    }
}
