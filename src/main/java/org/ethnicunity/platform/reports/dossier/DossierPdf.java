package org.ethnicunity.platform.reports.dossier;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitVisibility;
import org.ethnicunity.platform.reports.PdfDocuments;
import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.web.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * A designation's dossier as a PDF, for the people who may see the designation: the same
 * {@link UnitVisibility} as its page and {@code GET /api/designations/{id}}. Another region's
 * designation is refused, not rendered.
 */
@Service
class DossierPdf {

    private final DesignationRepository designations;
    private final UnitRepository units;
    private final UnitVisibility visibility;
    private final ApiAccess access;
    private final Dossiers dossiers;
    private final PdfDocuments pdf;

    DossierPdf(DesignationRepository designations, UnitRepository units, UnitVisibility visibility, ApiAccess access,
               Dossiers dossiers, PdfDocuments pdf) {
        this.designations = designations;
        this.units = units;
        this.visibility = visibility;
        this.access = access;
        this.dossiers = dossiers;
        this.pdf = pdf;
    }

    ResponseEntity<byte[]> response(long id) {
        // A title the caller may not see is answered like a missing one: its existence is not confirmed.
        NotFound missing = new NotFound("找不到编号为 " + id + " 的命名记录");
        Designation designation = designations.find(id).orElseThrow(() -> missing);
        Unit unit = units.find(designation.unitId()).filter(visibility::canSee).orElseThrow(() -> missing);
        String caller = access.userId();
        // The history of the instances is read as the platform: the caller's right was checked above.
        Dossier dossier = access.asPlatform(() -> dossiers.of(designation, unit, caller));
        byte[] body = pdf.render("dossier", Map.of("d", dossier));
        String filename = unit.name() + "-" + designation.level().label() + "-命名档案-" + id + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
