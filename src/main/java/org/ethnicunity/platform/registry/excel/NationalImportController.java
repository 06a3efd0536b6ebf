package org.ethnicunity.platform.registry.excel;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ethnicunity.platform.BusinessClock;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The national named list's import over HTTP, like the unit import: the .xlsx file is the request
 * body, {@code mode} CHECK, ALL (default: nothing recorded unless every row is good, else 400 with
 * the problems) or GOOD; {@code /template.xlsx} is the empty template.
 */
@RestController
@RequestMapping("/api/designations/national/import")
class NationalImportController {

    private final NationalImport nationalImport;
    private final BusinessClock clock;

    NationalImportController(NationalImport nationalImport, BusinessClock clock) {
        this.nationalImport = nationalImport;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<XlsxImport.Result<NationalImport.Recorded>> run(@RequestParam(defaultValue = "ALL") String mode,
                                                                   HttpServletRequest request) throws IOException {
        XlsxImport.Result<NationalImport.Recorded> result = nationalImport.run(
                UnitImportController.body(request, nationalImport::read, "national.xlsx"), XlsxImport.mode(mode));
        return ResponseEntity.status(result.refused() ? HttpStatus.BAD_REQUEST : HttpStatus.OK).body(result);
    }

    @GetMapping("/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        XlsxExport.prepare(response, "全国命名名单导入模板.xlsx");
        UnitImportController.writeTemplate(response.getOutputStream(), clock.zone(), NationalImport.SHEET, NationalImport.HEADER);
    }
}
