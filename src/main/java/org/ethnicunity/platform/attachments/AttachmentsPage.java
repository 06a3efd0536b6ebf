package org.ethnicunity.platform.attachments;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.security.AccessDenied;
import org.ethnicunity.platform.web.PersonPage;
import org.ethnicunity.platform.web.WebappLogin;
import org.ethnicunity.platform.web.WebappLoginFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The attachment pages, opened from the link in a Tasklist form and logged in with the Tasklist
 * session: {@code /attachments/task/{taskId}} lists the files of the task's process instance and lets
 * the task's assignee add one; {@code /attachments/start/{processKey}} takes files before a start (the
 * application form); {@code /attachments/{id}} downloads. Uploads carry the session's CSRF token.
 */
@Controller
@RequestMapping("/attachments")
class AttachmentsPage extends PersonPage {

    private final Attachments attachments;
    private final AttachmentSettings settings;

    AttachmentsPage(Attachments attachments, AttachmentSettings settings, WebappLogin login, IdentityService identity) {
        super(login, identity, "附件材料", "找不到附件");
        this.attachments = attachments;
        this.settings = settings;
    }

    @GetMapping("/task/{taskId}")
    String task(@PathVariable String taskId, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<String> loginForm = loginForm(request, response, model);
        return loginForm.orElseGet(() -> taskPage(attachments.visibleTask(taskId), null, request, model));
    }

    @PostMapping("/task/{taskId}")
    Object uploadToTask(@PathVariable String taskId, @RequestParam(required = false) MultipartFile file,
                        @RequestParam(required = false) String csrf, HttpServletRequest request,
                        HttpServletResponse response, Model model) throws IOException {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return loginForm.get();
        }
        requireToken(request, csrf);
        try {
            attachments.uploadToTask(taskId, file == null ? null : file.getOriginalFilename(), bytes(file));
            return "redirect:/attachments/task/" + taskId;
        } catch (RuleViolation refused) {
            return refusedUpload(taskPage(attachments.visibleTask(taskId), refused.getMessage(), request, model), model);
        }
    }

    @GetMapping("/start/{processKey}")
    String start(@PathVariable String processKey, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<String> loginForm = loginForm(request, response, model);
        return loginForm.orElseGet(() -> startPage(processKey, null, request, model));
    }

    @PostMapping("/start/{processKey}")
    Object uploadBeforeStart(@PathVariable String processKey, @RequestParam(required = false) MultipartFile file,
                             @RequestParam(required = false) String csrf, HttpServletRequest request,
                             HttpServletResponse response, Model model) throws IOException {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return loginForm.get();
        }
        requireToken(request, csrf);
        try {
            attachments.uploadPending(processKey, file == null ? null : file.getOriginalFilename(), bytes(file));
            return "redirect:/attachments/start/" + processKey;
        } catch (RuleViolation refused) {
            return refusedUpload(startPage(processKey, refused.getMessage(), request, model), model);
        }
    }

    @GetMapping("/{id:[0-9]+}")
    Object download(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return loginForm.get();
        }
        Attachments.Download file = attachments.download(id);
        FileType type = FileType.valueOf(file.attachment().fileType());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type.contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.attachment().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }

    /** Too large for the multipart limits themselves (spring.servlet.multipart), before our own check. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge() {
        ModelAndView page = new ModelAndView("registry/refusal", HttpStatus.PAYLOAD_TOO_LARGE);
        page.addObject("title", "无法上传");
        page.addObject("message", "文件超过大小上限 " + settings.maxFileSize().toMegabytes() + " MB，请压缩或拆分后上传");
        page.addObject("tasklist", login.tasklistPath());
        return page;
    }

    private String taskPage(Task task, String error, HttpServletRequest request, Model model) {
        model.addAttribute("heading", "附件材料：" + task.getName());
        model.addAttribute("files", attachments.ofTask(task));
        model.addAttribute("canUpload", attachments.mayUploadTo(task));
        model.addAttribute("uploadHint", task.getAssignee() == null ? "如需上传附件，请先在任务列表中认领该任务。" : null);
        model.addAttribute("action", "/attachments/task/" + task.getId());
        return page(error, request, model);
    }

    private String startPage(String processKey, String error, HttpServletRequest request, Model model) {
        String name = attachments.processName(processKey);
        if (!attachments.mayStart(processKey)) {
            throw new AccessDenied("您无权发起「" + name + "」，不能为其上传附件");
        }
        model.addAttribute("heading", "附件材料：" + name + "（发起前上传）");
        model.addAttribute("files", attachments.pending(processKey));
        model.addAttribute("canUpload", true);
        model.addAttribute("uploadHint", "这里上传的文件在您提交「" + name + "」的发起表单时一并提交，审核人员可以查看。");
        model.addAttribute("action", "/attachments/start/" + processKey);
        return page(error, request, model);
    }

    private String page(String error, HttpServletRequest request, Model model) {
        model.addAttribute("error", error);
        model.addAttribute("csrf", login.csrfToken(request).orElse(""));
        model.addAttribute("maxSize", settings.maxFileSize().toMegabytes() + " MB");
        model.addAttribute("accepted", FileType.ACCEPTED);
        return "attachments/files";
    }

    private static ModelAndView refusedUpload(String view, Model model) {
        return new ModelAndView(view, model.asMap(), HttpStatus.BAD_REQUEST);
    }

    /** The session's CSRF token (Camunda's, issued to Tasklist), so another site cannot post files in a person's name. */
    private void requireToken(HttpServletRequest request, String csrf) {
        String expected = login.csrfToken(request).orElse(null);
        if (expected == null || !Objects.equals(expected, csrf)) {
            throw new AccessDenied("页面已过期或不是从任务列表打开的，请从任务列表重新打开本页面后再上传");
        }
    }

    private static byte[] bytes(MultipartFile file) throws IOException {
        return file == null ? new byte[0] : file.getBytes();
    }

    @Configuration(proxyBeanMethods = false)
    static class Login {

        @Bean
        FilterRegistrationBean<WebappLoginFilter> attachmentPagesLogin(WebappLogin login, IdentityService identity) {
            return PersonPage.loginFilter("attachment-pages-login", "/attachments/*", login, identity);
        }
    }
}
