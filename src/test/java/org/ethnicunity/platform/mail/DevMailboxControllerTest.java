package org.ethnicunity.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.springframework.context.support.StaticApplicationContext;

/** /dev/mails over a real catcher, rendered by Thymeleaf from the real templates; no Spring context. */
class DevMailboxControllerTest {

    private final DevMailCatcher catcher = new DevMailCatcher(10, Clock.fixed(Instant.parse("2026-05-11T02:30:00Z"), ZoneOffset.UTC));

    @AfterEach
    void stop() {
        catcher.stop();
    }

    private static MockMvc mvc(Optional<DevMailCatcher> catcher) {
        SpringResourceTemplateResolver templates = new SpringResourceTemplateResolver();
        templates.setApplicationContext(new StaticApplicationContext());
        templates.setPrefix("classpath:/templates/");
        templates.setSuffix(".html");
        templates.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        ThymeleafViewResolver views = new ThymeleafViewResolver();
        views.setTemplateEngine(engine);
        views.setCharacterEncoding("UTF-8");
        return MockMvcBuilders.standaloneSetup(new DevMailboxController(catcher, "Asia/Shanghai", "smtp.mzw.example:587"))
                .setViewResolvers(views).build();
    }

    private static MockHttpServletResponse fetch(MockMvc mvc, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        return response;
    }

    @Test
    void listsTheCaughtMailsNewestFirstUnderADemoHeader() throws Exception {
        catcher.start();
        JavaMailSenderImpl sender = DevMailCatcherTest.senderTo(catcher);
        DevMailCatcherTest.send(sender, "prelim1@demo.example", "【待办】属地初审", "初审", "<p>初审</p>");
        DevMailCatcherTest.send(sender, "commission1@demo.example", "【待办】民委审核", "审核", "<p>审核</p>");

        MockHttpServletResponse page = fetch(mvc(Optional.of(catcher)), "/dev/mails");

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'none'").doesNotContain("script-src");
        String html = page.getContentAsString();
        assertThat(html).contains("演示环境邮件捕获器", "只保留最新 <span>10</span> 封", "2026-05-11 10:30:00",
                "commission1@demo.example", "href=\"/dev/mails/2\"", "href=\"/dev/mails/1\"");
        assertThat(html.indexOf("【待办】民委审核")).as("newest first").isLessThan(html.indexOf("【待办】属地初审"));
    }

    @Test
    void showsOneMailsHtmlSandboxedAndItsText() throws Exception {
        catcher.start();
        DevMailCatcherTest.send(DevMailCatcherTest.senderTo(catcher), "unit1@demo.example", "申请已退回",
                "请补充材料：<材料清单>", "<!DOCTYPE html><html><body><p>请补充</p><script>alert('x')</script></body></html>");

        MockHttpServletResponse page = fetch(mvc(Optional.of(catcher)), "/dev/mails/1");

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'none'");
        String html = page.getContentAsString();
        assertThat(html).contains("申请已退回", "unit1@demo.example", "评审平台 &lt;noreply@mzw.example&gt;",
                "sandbox=\"allow-popups allow-popups-to-escape-sandbox\"",
                // The mail's HTML only as an escaped attribute value, links opening outside the frame.
                "srcdoc=\"&lt;!DOCTYPE html&gt;&lt;base target=&quot;_blank&quot;&gt;&lt;html&gt;",
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
                "<pre>请补充材料：&lt;材料清单&gt;</pre>");
        assertThat(html).doesNotContain("<script", "allow-scripts", "allow-same-origin");
    }

    @Test
    void anUnknownOrDroppedMailIsNotFound() throws Exception {
        catcher.start();

        MockHttpServletResponse page = fetch(mvc(Optional.of(catcher)), "/dev/mails/7");

        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(page.getContentAsString()).contains("没有第 7 封邮件", "只保留最新 10 封");
    }

    @Test
    void withTheCatcherOffThePagesSayWhereMailsGo() throws Exception {
        MockMvc mvc = mvc(Optional.empty());
        for (String path : new String[] {"/dev/mails", "/dev/mails/1"}) {
            MockHttpServletResponse page = fetch(mvc, path);
            assertThat(page.getStatus()).isEqualTo(404);
            assertThat(page.getContentAsString()).contains("邮件捕获器未启用", "smtp.mzw.example:587");
        }
    }

    @Test
    void theFramedHtmlOpensLinksInANewTabAndKeepsItsDoctypeFirst() {
        assertThat(DevMailboxController.frame("<!DOCTYPE html>\n<html><a href=\"x\">x</a></html>"))
                .isEqualTo("<!DOCTYPE html><base target=\"_blank\">\n<html><a href=\"x\">x</a></html>");
        assertThat(DevMailboxController.frame("<p>$1 \\ 元</p>")).isEqualTo("<base target=\"_blank\"><p>$1 \\ 元</p>");
    }
}
