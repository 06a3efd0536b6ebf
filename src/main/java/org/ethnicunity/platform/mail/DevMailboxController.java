package org.ethnicunity.platform.mail;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /dev/mails}: the mails the {@link DevMailCatcher} caught, newest first, and each one's HTML
 * and text. Dev profile only and open without login, like the demo itself; when the catcher is off
 * (an SMTP server is named) the page says where the mails go instead, with 404.
 */
@Controller
@Profile("dev")
@RequestMapping("/dev/mails")
class DevMailboxController {

    /**
     * The page's own policy, inherited by the mail's srcdoc frame: no scripts, nothing fetched (a
     * mail's remote images stay unloaded, as in a mail client), inline styles only.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; form-action 'none'";
    private static final Pattern DOCTYPE = Pattern.compile("^\\s*(<!doctype[^>]*>)?", Pattern.CASE_INSENSITIVE);

    private final Optional<DevMailCatcher> catcher;
    private final DateTimeFormatter time;
    private final String mailServer;

    DevMailboxController(Optional<DevMailCatcher> catcher, @Value("${app.time-zone:Asia/Shanghai}") String zone,
                         @Value("${spring.mail.host:}:${spring.mail.port:25}") String mailServer) {
        this.catcher = catcher;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of(zone));
        this.mailServer = mailServer;
    }

    /** A caught mail as the pages show it. */
    public record MailView(long number, String receivedAt, String recipient, String from, String subject,
                           String text, String html, String frame) {
    }

    @GetMapping
    ModelAndView list(HttpServletResponse response) {
        protect(response);
        if (catcher.isEmpty()) {
            return off();
        }
        DevMailCatcher mails = catcher.get();
        return new ModelAndView("dev/mails", Map.of(
                "mails", mails.mails().stream().map(this::view).toList(),
                "catcher", mails.host() + ":" + mails.port(),
                "maxMails", mails.maxMails()));
    }

    @GetMapping("/{number:\\d{1,18}}")
    ModelAndView mail(@PathVariable long number, HttpServletResponse response) {
        protect(response);
        if (catcher.isEmpty()) {
            return off();
        }
        return catcher.get().mail(number)
                .map(m -> new ModelAndView("dev/mail", Map.of("mail", view(m))))
                .orElseGet(() -> note(HttpStatus.NOT_FOUND, "没有第 " + number + " 封邮件",
                        "这封邮件不存在，或因只保留最新 " + catcher.get().maxMails() + " 封而已被清理，应用重启后也会清空。"));
    }

    private ModelAndView off() {
        return note(HttpStatus.NOT_FOUND, "邮件捕获器未启用",
                "已配置 SMTP 服务器（" + mailServer + "），邮件都发往该服务器，请在那里查看。"
                        + "只有在演示（dev）配置下且未设置 MAIL_HOST 时，应用才自己截获邮件并在此显示。");
    }

    private static ModelAndView note(HttpStatus status, String title, String text) {
        ModelAndView page = new ModelAndView("dev/note", Map.of("title", title, "text", text));
        page.setStatus(status);
        return page;
    }

    private MailView view(CaughtMail mail) {
        return new MailView(mail.number(), time.format(mail.receivedAt()), mail.recipient(), mail.from(),
                mail.subject(), mail.text(), mail.html(), mail.html() == null ? null : frame(mail.html()));
    }

    /**
     * The HTML for the sandboxed frame, with links opening in a new tab (the frame may not navigate the
     * page); the base goes after a doctype, so the mail keeps its standards-mode rendering.
     */
    static String frame(String html) {
        return DOCTYPE.matcher(html).replaceFirst(m -> java.util.regex.Matcher.quoteReplacement(
                (m.group(1) == null ? "" : m.group(1)) + "<base target=\"_blank\">"));
    }

    private static void protect(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }
}
