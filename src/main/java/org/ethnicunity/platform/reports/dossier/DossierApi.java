package org.ethnicunity.platform.reports.dossier;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The dossier for integrators: {@code GET /api/designations/{id}/dossier.pdf} with HTTP Basic, same scoping. */
@RestController
class DossierApi {

    private final DossierPdf dossiers;

    DossierApi(DossierPdf dossiers) {
        this.dossiers = dossiers;
    }

    @GetMapping("/api/designations/{id}/dossier.pdf")
    ResponseEntity<byte[]> dossier(@PathVariable long id) {
        return dossiers.response(id);
    }
}
