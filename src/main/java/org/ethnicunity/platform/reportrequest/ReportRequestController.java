package org.ethnicunity.platform.reportrequest;

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

    ReportRequestController(ReportRequestView view) {
        this.view = view;
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
