package org.ethnicunity.platform.registry;

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
    private final RegistryExports exports;
    private final ApiAccess access;

    RegistryViewsController(DesignationList designations, RegistryExports exports, ApiAccess access) {
        this.designations = designations;
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
}
