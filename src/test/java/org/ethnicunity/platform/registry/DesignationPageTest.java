package org.ethnicunity.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.WebappSession;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.mail.MailSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The designation page the mails link to: readable after the usual Camunda login, for exactly the
 * people who may see the designation through the API, with a Chinese page for everything else.
 */
class DesignationPageTest extends IntegrationTest {

    private static final Pattern PAGE_LINK = Pattern.compile("(https?://\\S+?)(/registry/designations/\\d+)");

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired DesignationRepository designations;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired MailSettings mailSettings;

    private Designation demoNamed;
    private boolean clockPinned;

    @BeforeEach
    void findTheDemoDesignation() {
        Unit community = units.findByContact("unit2").get(0);
        demoNamed = designations.findByUnit(community.id()).stream()
                .filter(d -> d.status() == DesignationStatus.NAMED && d.level() == Level.BANNER).findFirst().orElseThrow();
    }

    @AfterEach
    void resetClock() {
        if (clockPinned) {
            TestClock.pin();
        }
    }

    private String page(long id) {
        return "/registry/designations/" + id;
    }

    private WebappSession loggedIn(String user, String password) {
        WebappSession browser = new WebappSession(port);
        assertThat(browser.loginStatus(user, password)).as("Camunda login of " + user).isEqualTo(200);
        return browser;
    }

    @Test
    void theUnitsContactReadsTheDesignationWithItsHistoryAfterTheCamundaLogin() {
        HttpResponse<String> page = loggedIn("unit2", "demo").page(page(demoNamed.id()));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.body()).contains("大沁他拉街道团结社区", "社区/嘎查村", "150525", "旗县级", "已命名",
                demoNamed.documentNumber(), demoNamed.namedDate().toString(), demoNamed.expiryDate().toString(),
                "历史记录", "演示数据：导入历史命名", "系统管理员", "当前登录：<b>unit2</b>");
        assertThat(page.body()).doesNotContain("id=\"login\"");
    }

    @Test
    void withoutLoginTheLinkShowsALoginFormNotABrowserPrompt() {
        HttpResponse<String> page = new WebappSession(port).page(page(demoNamed.id()));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(page.body()).contains("请先登录", "<form id=\"login\"", "name=\"username\"", "name=\"password\"",
                "data-login-endpoint=\"" + WebappSession.LOGIN_ENDPOINT + "\"", "用户名或密码错误",
                "href=\"/camunda/app/tasklist/default/\"");
        assertThat(page.body()).as("nothing of the designation before the login").doesNotContain("大沁他拉街道团结社区", "已命名");
    }

    @Test
    void aWrongPasswordIsRefusedByCamundasLoginAndTheLinkStillAsksToLogIn() {
        // A user of its own: Camunda locks a user for a few seconds after a failed login.
        var user = engine.getIdentityService().newUser("pagewrongpassword");
        user.setPassword("right");
        engine.getIdentityService().saveUser(user);
        WebappSession browser = new WebappSession(port);
        assertThat(browser.loginStatus("pagewrongpassword", "wrong")).isEqualTo(401);
        assertThat(browser.page(page(demoNamed.id())).body()).contains("请先登录").doesNotContain("大沁他拉街道团结社区");
    }

    @Test
    void regionalStaffWhoseRegionCoversTheUnitAndAdministratorsMaySeeIt() {
        assertThat(loggedIn("supervisor2", "demo").page(page(demoNamed.id())).body()).contains("大沁他拉街道团结社区", "已命名");
        assertThat(loggedIn("prelim1", "demo").page(page(demoNamed.id())).statusCode()).isEqualTo(200);
        assertThat(loggedIn("admin", "demo").page(page(demoNamed.id())).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherUnitsContactAndStaffOfAnotherRegionAreAnsweredAsForAMissingTitle() {
        // unit1 is the contact of another unit of the same banner (unit3's logins are locked by NominationRestTest's wrong password).
        HttpResponse<String> refused = loggedIn("unit1", "demo").page(page(demoNamed.id()));

        // Not "you may not see it": that would confirm the title exists (NoOracleTest).
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(refused.body()).contains("找不到编号为 " + demoNamed.id() + " 的命名记录", "当前登录账号为 <b>unit1</b>")
                .doesNotContain("大沁他拉街道团结社区", "Exception", "\"error\"");
        assertThat(loggedIn("prelim2", "demo").page(page(demoNamed.id())).statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownOrMalformedIdIsAChineseNotFoundPage() {
        WebappSession browser = loggedIn("admin", "demo");

        HttpResponse<String> unknown = browser.page(page(987654321L));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("找不到编号为 987654321 的命名记录").doesNotContain("Exception");

        HttpResponse<String> malformed = browser.page("/registry/designations/abc");
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(malformed.body()).contains("链接中的记录编号无效").doesNotContain("Exception", "NumberFormat");
    }

    @Test
    void theNamingMailLinksToThePageWhichShowsTheWholeNomination() {
        clockPinned = true;
        NamedThroughTheProcess nomination = new NamedThroughTheProcess(engine, units, campaigns, designations,
                indicatorSets);
        Unit unit = nomination.newUnit("pagenamed", "高娃", "奈曼旗白音他拉苏木中心学校", UnitType.SCHOOL);
        Designation named = nomination.named(unit, "奈民创办发〔2026〕12号");

        Mail mail = mailsTo(unit.contactEmail()).get(0);
        assertThat(mail.subject()).startsWith("【民族团结进步创建】命名通知");
        String link = mailSettings.baseUrl() + page(named.id());
        assertThat(mail.text()).contains(link);
        assertThat(mail.html()).contains("href=\"" + link + "\"");
        assertThat(linksIn(mail.text() + mail.html())).as("every link of the mail").containsOnly(link);

        String body = loggedIn(unit.contactUser(), NamedThroughTheProcess.PASSWORD).page(path(link)).body();
        assertThat(body).contains("奈曼旗白音他拉苏木中心学校", "学校", "已命名", "奈民创办发〔2026〕12号", "2026-03-17",
                "2031-03-17").doesNotContain("已推荐参加上一级评选"); // recommended by a step of its own (推荐上报)
        // The whole history, oldest first, with who and when.
        assertThat(body).containsSubsequence("2026-03-02 09:30", "高娃", "2026-03-04 15:10", "评审中", "prelim1",
                "2026-03-09 10:20", "公示", "leader1", "2026-03-17 11:45", "已命名", "commission1");
        assertThat(body).contains("刘洋（奈曼旗民委创建办）", named.processInstanceId());
    }

    @Test
    void theDeclineMailLinksToThePageWithTheReason() {
        clockPinned = true;
        NamedThroughTheProcess nomination = new NamedThroughTheProcess(engine, units, campaigns, designations,
                indicatorSets);
        Unit unit = nomination.newUnit("pagedeclined", "其其格", "奈曼旗明仁苏木团结嘎查", UnitType.COMMUNITY);
        Designation declined = nomination.declinedAtPreliminaryReview(unit, "创建工作开展不足一年");

        Mail mail = mailsTo(unit.contactEmail()).get(0);
        String link = mailSettings.baseUrl() + page(declined.id());
        assertThat(linksIn(mail.text() + mail.html())).containsOnly(link);

        String body = loggedIn(unit.contactUser(), NamedThroughTheProcess.PASSWORD).page(path(link)).body();
        assertThat(body).contains("奈曼旗明仁苏木团结嘎查", "未通过", "创建工作开展不足一年", "赵敏（奈曼旗属地初审）");
    }

    private static java.util.List<String> linksIn(String text) {
        java.util.List<String> links = new java.util.ArrayList<>();
        Matcher matcher = Pattern.compile("https?://[^\\s\"<]+").matcher(text);
        while (matcher.find()) {
            links.add(matcher.group());
        }
        return links.stream().distinct().toList();
    }

    private static String path(String link) {
        Matcher matcher = PAGE_LINK.matcher(link);
        assertThat(matcher.matches()).as(link).isTrue();
        return matcher.group(2);
    }
}
