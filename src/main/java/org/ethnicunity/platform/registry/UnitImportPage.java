package org.ethnicunity.platform.registry;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.RuleViolation;
import org.ethnicunity.platform.security.AccessDenied;
import org.ethnicunity.platform.web.PersonPage;
import org.ethnicunity.platform.web.WebappLogin;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The unit import for people: upload the filled template, choose 只检查 / 全部无误才导入 / 只导入无误的行,
 * see every problem by row and column, and download them as a workbook. The form carries a token
 * of the session (the login is a session cookie, so another site must not be able to post here);
 * the last result stays in the session for the problems' download.
 */
@Controller
class UnitImportPage extends PersonPage {

    static final String PATH = "/registry/units/import";
    private static final String TOKEN = UnitImportPage.class.getName() + ".token";
    private static final String LAST = UnitImportPage.class.getName() + ".last";

    private final UnitImport unitImport;
    private final BusinessClock clock;

    UnitImportPage(UnitImport unitImport, BusinessClock clock, WebappLogin login, IdentityService identity) {
        super(login, identity, "单位导入", "找不到该页面");
        this.unitImport = unitImport;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String form(HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return loginForm.get();
        }
        prepare(request, model);
        return "registry/unit-import";
    }

    @PostMapping(PATH)
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "ALL") String mode,
                  @RequestParam(name = "token", required = false) String token, HttpServletRequest request,
                  HttpServletResponse response, Model model) throws IOException {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return loginForm.get();
        }
        HttpSession session = request.getSession();
        if (token == null || !token.equals(session.getAttribute(TOKEN))) {
            throw new AccessDenied("页面已过期，请重新打开导入页面后再上传");
        }
        if (file == null || file.isEmpty()) {
            throw new RuleViolation("file", "请选择要导入的 .xlsx 文件");
        }
        UnitImport.Result result = unitImport.run(unitImport.read(file.getInputStream()), UnitImportController.mode(mode));
        session.setAttribute(LAST, result.problems());
        if (result.refused()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("result", result);
        prepare(request, model);
        return "registry/unit-import";
    }

    @GetMapping(PATH + "/problems.xlsx")
    void problems(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireLogin();
        HttpSession session = request.getSession(false);
        @SuppressWarnings("unchecked")
        List<UnitImport.Problem> problems = session == null ? null : (List<UnitImport.Problem>) session.getAttribute(LAST);
        if (problems == null) {
            throw new RuleViolation("problems", "没有可下载的问题清单：请先上传文件");
        }
        XlsxExport.prepare(response, "单位导入问题-" + clock.today() + ".xlsx");
        UnitImportController.writeProblems(response.getOutputStream(), clock.zone(), problems);
    }

    @GetMapping(PATH + "/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        requireLogin();
        XlsxExport.prepare(response, "单位导入模板.xlsx");
        UnitImportController.writeTemplate(response.getOutputStream(), clock.zone());
    }

    private void prepare(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession();
        if (session.getAttribute(TOKEN) == null) {
            session.setAttribute(TOKEN, UUID.randomUUID().toString());
        }
        model.addAttribute("token", session.getAttribute(TOKEN));
        model.addAttribute("header", UnitImport.HEADER);
        model.addAttribute("active", "import");
    }

    private void requireLogin() {
        if (identity.getCurrentAuthentication() == null) {
            throw new AccessDenied("请先登录任务列表（Tasklist），再下载文件");
        }
    }
}
