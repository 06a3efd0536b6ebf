package org.ethnicunity.platform.reportrequest;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ethnicunity.platform.registry.excel.XlsxExport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The live view of a report request over HTTP, for the requesting commission and administrators:
 * the counts and the members with their status ({@code ?status=SUBMITTED&page=0&size=500}), and one
 * member's report. Another region's launch is a 404 like an unknown one.
 */
@RestController
@RequestMapping("/api/report-requests")
class ReportRequestController {

    private final ReportRequestView view;
    private final ReportWorkbook workbook;

    ReportRequestController(ReportRequestView view, ReportWorkbook workbook) {
        this.view = view;
        this.workbook = workbook;
    }

    /** Every received report of the request as one workbook (summary and one row per member). */
    @GetMapping("/{launchId}/reports.xlsx")
    void reports(@PathVariable long launchId, HttpServletResponse response) throws IOException {
        ReportRequestView.Overview overview = workbook.check(launchId);
        XlsxExport.prepare(response, workbook.fileName(overview));
        workbook.write(overview, response.getOutputStream());
    }

    @GetMapping("/{launchId}")
    ReportRequestView.Overview overview(@PathVariable long launchId, @RequestParam(required = false) String status,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "500") int size) {
        return view.overview(launchId, SubmissionStatus.filter(status), page, size, false);
    }

    @GetMapping("/{launchId}/members/{memberKey}")
    ReportRequestView.Member member(@PathVariable long launchId, @PathVariable String memberKey) {
        return view.member(launchId, memberKey);
    }
}
