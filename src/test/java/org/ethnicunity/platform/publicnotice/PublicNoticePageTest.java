package org.ethnicunity.platform.publicnotice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The public notice page: open without a login (and nothing else opened with it), an objection from
 * it ending in the nomination's verification task and mails to the objector, escaping of whatever
 * is typed, the per-address rate limit, and the page closed once the notice period is over.
 */
class PublicNoticePageTest extends IntegrationTest {

    private static final String SCRIPT = "<script>alert('x')</script>";

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired PublicNoticeSettings settings;
    @Autowired WebApplicationContext context;

    private NominationFixture fixture;
    private Campaign campaign;
    private MockMvc mvc;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        campaign = fixture.openBannerCampaign(null);
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
    }

    @AfterEach
    void pinClock() {
        TestClock.pin();
    }

    @Test
    void anybodySeesTheUnitsInNoticeWithoutALoginAndNothingElseOpens() throws Exception {
        Unit unit = fixture.newUnit("150525");
        ProcessInstance instance = inNotice(unit);
        fixture.apply(fixture.newUnit("150525"), campaign); // still in review: not in the notice

        HttpResponse<String> page = anonymousGet("/public/notices/" + campaign.code());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(unit.name(), "学校", "150525", "旗县级", "拟命名单位公示", "公示期 <span>5</span> 个工作日",
                "提交实名异议").doesNotContain(unit.contactName(), unit.contactEmail(), instance.getId());
        assertThat(page.body().split("<tr>", -1)).as("header and one unit").hasSize(3);
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(page.body()).contains(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
                .format(timer.getDuedate().toInstant().atZone(TestClock.ZONE)));
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        assertThat(anonymousGet("/public/notices").body()).contains(campaign.name());

        // The open door is exactly /public/notices: the registry's pages and APIs still want a login.
        assertThat(anonymousGet("/api/designations/1").statusCode()).isEqualTo(401);
        assertThat(anonymousGet("/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(anonymousGet("/registry/designations/1").body()).contains("请先登录");
        assertThat(anonymousGet("/public/notices/NO-SUCH-CAMPAIGN").statusCode()).isEqualTo(404);
    }

    @Test
    void anObjectionFromThePageReachesTheVerificationTaskAndTheObjectorIsMailedReceiptAndOutcome() throws Exception {
        Unit unit = fixture.newUnit("150525");
        ProcessInstance instance = inNotice(unit);

        HttpResponse<String> answer = anonymousPost("/public/notices/" + campaign.code() + "/objections", objection(
                unit, "王五", "13912345678", "wangwu@objector.example", "该单位上报的民族团结进步活动照片系其他单位活动，请核实。",
                "https://evidence.example/photos"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String receipt = between(answer.body(), "id=\"receipt\">", "<");
        assertThat(receipt).matches("GS" + TestClock.today().toString().replace("-", "") + "-[A-Z2-9]{6}");

        Task verification = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("VerifyObjection").singleResult();
        assertThat(verification.getName()).isEqualTo("核实异议");
        assertThat(engine.getTaskService().getIdentityLinksForTask(verification.getId()))
                .extracting(link -> link.getGroupId()).containsExactly("commission-150525");
        Map<String, Object> variables = engine.getTaskService().getVariables(verification.getId());
        assertThat(variables).containsEntry("objectorName", "王五").containsEntry("objectorContact", "13912345678")
                .containsEntry("objectorEmail", "wangwu@objector.example").containsEntry("objectionReceipt", receipt)
                .containsEntry("objectionEvidenceLink", "https://evidence.example/photos")
                .containsEntry("objectionRegisteredBy", "public-notice-page");
        assertThat(mailsTo("wangwu@objector.example")).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).contains("已受理", receipt);
            assertThat(mail.text()).contains(unit.name(), receipt);
        });

        fixture.review(instance, "VerifyObjection", "commission1", "objectionUpheld", "REJECTED", "objectionReply",
                "经核实，照片为该单位2026年5月活动所摄，异议不成立。");
        assertThat(mailsTo("wangwu@objector.example")).hasSize(2).last().satisfies(mail -> {
            assertThat(mail.subject()).contains("核实结果", receipt);
            assertThat(mail.text()).contains("异议不成立", "照片为该单位2026年5月活动所摄");
            assertThat(mail.html()).contains("异议不成立");
        });
    }

    @Test
    void whateverIsTypedIsStoredAsTextAndShownEscaped() throws Exception {
        Unit unit = units.insert(new Unit(null, "团结<b>社区</b>" + System.nanoTime(), UnitType.COMMUNITY, "150525",
                fixture.newUnit("150525").contactUser(), "联系人", "x@test.example"));
        // The contact of the unit above is another test unit's; its application is this one's.
        ProcessInstance instance = inNoticeAs(unit);
        String content = SCRIPT + " 活动台账<img src=x onerror=alert(1)>系补写。";

        MockHttpServletResponse page = mvc.perform(form(unit, "赵六" + SCRIPT, "1390000", "zhaoliu@objector.example",
                content, "", "10.1.0.1")).andReturn().getResponse();
        assertThat(page.getStatus()).as(page.getContentAsString()).isEqualTo(200);
        assertThat(page.getContentAsString()).doesNotContain("<script>").doesNotContain("<b>社区");
        assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instance.getId())
                .variableName("objectionContent").singleResult().getValue()).isEqualTo(content);

        // Refused input comes back in the form, escaped too.
        MockHttpServletResponse refused = mvc.perform(form(unit, "赵六", "1390000", "not-an-address", SCRIPT + "再次提交",
                "javascript:alert(1)", "10.1.0.2")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("请填写有效的电子邮箱", "证据材料链接须为", "&lt;script&gt;")
                .doesNotContain(SCRIPT).contains("团结&lt;b&gt;社区&lt;/b&gt;");
        assertThat(mvc.perform(get("/public/notices/" + campaign.code())).andReturn().getResponse().getContentAsString())
                .contains("团结&lt;b&gt;社区&lt;/b&gt;").doesNotContain("<b>社区");
        // The mail to the objector escapes the name in its HTML part.
        assertThat(mailsTo("zhaoliu@objector.example")).singleElement()
                .satisfies(mail -> assertThat(mail.html()).contains("&lt;script&gt;").doesNotContain(SCRIPT));
    }

    @Test
    void oneAddressMaySendOnlySoManyObjectionsInTheWindow() throws Exception {
        Unit unit = fixture.newUnit("150525");
        inNotice(unit);
        String address = "10.2.0." + (System.nanoTime() % 200 + 1);
        for (int i = 0; i < settings.objectionsPerAddress(); i++) {
            // Refused for their content, but counted all the same.
            assertThat(mvc.perform(form(unit, "钱七", "", "", "太短", "", address)).andReturn().getResponse().getStatus())
                    .isEqualTo(400);
        }
        MockHttpServletResponse limited = mvc.perform(form(unit, "钱七", "1390000", "qianqi@objector.example",
                "该单位公示材料与实际情况不符，请核实。", "", address)).andReturn().getResponse();
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getContentAsString()).contains("提交过于频繁", "分钟后再试");
        assertThat(mailsTo("qianqi@objector.example")).isEmpty();
        assertThat(mvc.perform(form(unit, "钱七", "1390000", "qianqi@objector.example",
                "该单位公示材料与实际情况不符，请核实。", "", "10.3.0.1")).andReturn().getResponse().getStatus())
                .as("another address").isEqualTo(200);

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(settings.rateWindow())
                .plusSeconds(1)));
        assertThat(mvc.perform(form(unit, "钱七", "1390000", "qianqi@objector.example",
                "该单位公示材料与实际情况不符，请核实。", "", address)).andReturn().getResponse().getStatus())
                .as("after the window").isEqualTo(200);
    }

    @Test
    void thePageClosesWhenTheNoticePeriodEnds() throws Exception {
        Unit unit = fixture.newUnit("150525");
        ProcessInstance instance = inNotice(unit);
        Date end = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult()
                .getDuedate();
        ClockUtil.setCurrentTime(new Date(end.getTime() + 1000)); // the timer has not fired yet: the date decides

        String page = mvc.perform(get("/public/notices/" + campaign.code())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("本批次目前没有处于公示期的单位，公示期以外不受理异议").doesNotContain(unit.name())
                .doesNotContain("<form");
        MockHttpServletResponse late = mvc.perform(form(unit, "孙八", "1390000", "sunba@objector.example",
                "该单位公示材料与实际情况不符，请核实。", "", "10.4.0.1")).andReturn().getResponse();
        assertThat(late.getStatus()).isEqualTo(400);
        assertThat(late.getContentAsString()).contains("该单位目前不在公示期内，不再受理对其的异议");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("VerifyObjection").count()).isZero();
        assertThat(mailsTo("sunba@objector.example")).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private ProcessInstance inNotice(Unit unit) {
        return approved(unit, fixture.apply(unit, campaign));
    }

    private ProcessInstance approved(Unit unit, ProcessInstance instance) {
        fixture.throughAssessment(instance, 18, 22, 18, 14, 13, 22);
        fixture.review(instance, "LeadingGroupApproval", "leader1", "approvalDecision", "APPROVE", "approvalComment", "");
        DESIGNATIONS.put(unit.id(), engine.getRuntimeService().getVariable(instance.getId(), "designationId").toString());
        return instance;
    }

    /** For a unit inserted here whose contact is another fixture unit's: apply with its id. */
    private ProcessInstance inNoticeAs(Unit unit) {
        Map<String, Object> variables = new java.util.HashMap<>(NominationFixture.GOOD_SCORES);
        variables.put("campaignCode", campaign.code());
        variables.put("unitId", unit.id());
        variables.put("creationSummary", "开展民族团结进步创建活动。");
        variables.put("attachments", "无");
        return approved(unit, fixture.as(unit.contactUser(),
                () -> engine.getFormService().submitStartForm(fixture.definitionId(), variables)));
    }

    private static Map<String, String> objection(Unit unit, String name, String contact, String email, String content,
                                                 String link) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("designationId", designationOf(unit));
        form.put("objectorName", name);
        form.put("objectorContact", contact);
        form.put("objectorEmail", email);
        form.put("content", content);
        form.put("evidenceLink", link);
        return form;
    }

    private static final Map<Long, String> DESIGNATIONS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String designationOf(Unit unit) {
        return DESIGNATIONS.get(unit.id());
    }

    private MockHttpServletRequestBuilder form(Unit unit, String name, String contact, String email, String content,
                                               String link, String address) {
        MockHttpServletRequestBuilder request = post("/public/notices/" + campaign.code() + "/objections")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).characterEncoding("UTF-8");
        objection(unit, name, contact, email, content, link).forEach(request::param);
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    private HttpResponse<String> anonymousGet(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> anonymousPost(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String between(String text, String before, String after) {
        int start = text.indexOf(before) + before.length();
        return text.substring(start, text.indexOf(after, start)).trim();
    }
}
