package org.ethnicunity.platform.reportrequest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.registry.excel.XlsxExport;
import org.ethnicunity.platform.security.AccessDenied;
import org.ethnicunity.platform.web.PersonPage;
import org.ethnicunity.platform.web.WebappLogin;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Everything of one report request in one place, for the requesting commission in the browser:
 * the counts, every member with its status and late flag, and each report's text and link. Logged
 * in as in Tasklist (the review task's form links here); the same people as the API see it.
 */
@Controller
class ReportRequestPage extends PersonPage {

    static final String PATH = "/report-requests/";
    static final int PAGE_SIZE = 200;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReportRequestView view;
    private final BusinessClock clock;
    private final ReportWorkbook workbook;

    ReportRequestPage(ReportRequestView view, IdentityService identity, WebappLogin login,
                      BusinessClock clock, ReportWorkbook workbook) {
        super(login, identity, "工作报送", "找不到该工作报送");
        this.view = view;
        this.clock = clock;
        this.workbook = workbook;
    }

    /** The page's download of every received report as one workbook; without a login, the refusal page. */
    @GetMapping(PATH + "{launchId}/reports.xlsx")
    void reports(@PathVariable long launchId, HttpServletResponse response) throws IOException {
        if (identity.getCurrentAuthentication() == null) {
            throw new AccessDenied("请先登录任务列表（Tasklist），再下载导出文件");
        }
        ReportRequestView.Overview overview = workbook.check(launchId);
        XlsxExport.prepare(response, workbook.fileName(overview));
        workbook.write(overview, response.getOutputStream());
    }

    @GetMapping(PATH + "{launchId}")
    String overview(@PathVariable long launchId, @RequestParam(required = false) String status,
                    @RequestParam(defaultValue = "0") int page, HttpServletRequest request, HttpServletResponse response,
                    Model model) {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return loginForm.get();
        }
        ReportRequestView.Overview overview = view.overview(launchId, SubmissionStatus.filter(status), page, PAGE_SIZE, true);
        model.addAttribute("report", overview);
        model.addAttribute("path", PATH + launchId);
        model.addAttribute("minute", MINUTE);
        model.addAttribute("statuses", SubmissionStatus.values());
        model.addAttribute("zone", clock.zone());
        model.addAttribute("hasNext", (long) (overview.page() + 1) * overview.size() < overview.matching());
        return "reportrequest/overview";
    }
}
