package org.ethnicunity.platform.registry.excel;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.security.AccessDenied;
import org.ethnicunity.platform.web.PersonPage;
import org.ethnicunity.platform.web.WebappLogin;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * An .xlsx import for people (a subclass maps it under its path): upload the filled template, choose
 * 只检查 / 全部无误才导入 / 只导入无误的行, see every problem by row and column, and download them as a
 * workbook. The form carries a token of the session (the login is a session cookie, so another site
 * must not be able to post here); the last result stays in the session for the problems' download.
 */
abstract class XlsxImportPage<T> extends PersonPage {

    /** What the page says: its title, its introduction after the template link, its file names, its menu entry. */
    record Texts(String title, String sheet, List<String> header, String intro, String fileName, String active) {
    }

    private final String path;
    private final Texts texts;
    private final BusinessClock clock;
    private final String token = getClass().getName() + ".token";
    private final String last = getClass().getName() + ".last";

    XlsxImportPage(String path, Texts texts, BusinessClock clock, WebappLogin login, IdentityService identity) {
        super(login, identity, texts.title(), "找不到该页面");
        this.path = path;
        this.texts = texts;
        this.clock = clock;
    }

    abstract byte[] read(InputStream in) throws IOException;

    abstract XlsxImport.Result<T> run(byte[] content, XlsxImport.Mode mode);

    /** How an imported record is listed under 已导入. */
    abstract String label(T imported);

    abstract void writeTemplate(OutputStream out, ZoneId zone);

    @GetMapping
    String form(HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return loginForm.get();
        }
        prepare(request, model);
        return "registry/xlsx-import";
    }

    @PostMapping
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "ALL") String mode,
                  @RequestParam(name = "token", required = false) String token, HttpServletRequest request,
                  HttpServletResponse response, Model model) throws IOException {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return loginForm.get();
        }
        HttpSession session = request.getSession();
        if (token == null || !token.equals(session.getAttribute(this.token))) {
            throw new AccessDenied("页面已过期，请重新打开导入页面后再上传");
        }
        if (file == null || file.isEmpty()) {
            throw new RuleViolation("file", "请选择要导入的 .xlsx 文件");
        }
        XlsxImport.Result<T> result = run(read(file.getInputStream()), XlsxImport.mode(mode));
        session.setAttribute(last, result.problems());
        if (result.refused()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("result", result);
        model.addAttribute("importedLabels", result.imported().stream().map(this::label).toList());
        prepare(request, model);
        return "registry/xlsx-import";
    }

    @GetMapping("/problems.xlsx")
    void problems(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireLogin();
        HttpSession session = request.getSession(false);
        @SuppressWarnings("unchecked")
        List<XlsxImport.Problem> problems = session == null ? null : (List<XlsxImport.Problem>) session.getAttribute(last);
        if (problems == null) {
            throw new RuleViolation("problems", "没有可下载的问题清单：请先上传文件");
        }
        XlsxExport.prepare(response, texts.fileName() + "问题-" + clock.today() + ".xlsx");
        UnitImportController.writeProblems(response.getOutputStream(), clock.zone(), problems);
    }

    @GetMapping("/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        requireLogin();
        XlsxExport.prepare(response, texts.fileName() + "模板.xlsx");
        writeTemplate(response.getOutputStream(), clock.zone());
    }

    private void prepare(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession();
        if (session.getAttribute(token) == null) {
            session.setAttribute(token, UUID.randomUUID().toString());
        }
        model.addAttribute("token", session.getAttribute(token));
        model.addAttribute("texts", texts);
        model.addAttribute("path", path);
        model.addAttribute("active", texts.active());
    }

    private void requireLogin() {
        if (identity.getCurrentAuthentication() == null) {
            throw new AccessDenied("请先登录任务列表（Tasklist），再下载文件");
        }
    }
}
