package org.ethnicunity.platform.reports.dossier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.ethnicunity.platform.web.PersonPage;
import org.ethnicunity.platform.web.WebappLogin;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /registry/designations/{id}/dossier.pdf}, linked from the designation's page: the dossier
 * for the person logged in to Tasklist (the registry pages' login filter covers the path); without
 * a login the login form, a refusal as a Chinese page.
 */
@Controller
class DossierPage extends PersonPage {

    private final DossierPdf dossiers;

    DossierPage(DossierPdf dossiers, WebappLogin login, IdentityService identity) {
        super(login, identity, "命名档案", "找不到该命名记录");
        this.dossiers = dossiers;
    }

    @GetMapping("/registry/designations/{id}/dossier.pdf")
    ModelAndView dossier(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model)
            throws IOException {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return new ModelAndView(loginForm.get(), model.asMap());
        }
        ResponseEntity<byte[]> pdf = dossiers.response(id);
        pdf.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentLength(pdf.getBody().length);
        response.getOutputStream().write(pdf.getBody());
        return null;
    }
}
