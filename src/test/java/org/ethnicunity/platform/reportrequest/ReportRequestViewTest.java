package org.ethnicunity.platform.reportrequest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.WebappSession;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The requesting commission's live view of a report request, over /api and as a page: the counts
 * follow the members' instances (on time, late, returned, accepted, overdue, none yet), each report
 * can be read, and nobody else learns that the request exists.
 */
class ReportRequestViewTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;

    NominationFixture people;
    ReportRequestFixture fixture;
    RestClient rest;
    long launchId;
    List<Unit> members = new ArrayList<>();
    Map<String, ProcessInstance> instances = new HashMap<>();

    /**
     * Five units of 奈曼旗 asked by its commission, due today: accepted, returned, submitted late,
     * overdue with nothing, and one whose instance an administrator deleted. Seen the next morning.
     */
    @BeforeEach
    void fiveMembersInEveryState() {
        people = new NominationFixture(engine, units, campaigns, indicatorSets);
        fixture = new ReportRequestFixture(engine, people);
        rest = new RestClient(port);
        launchId = ReportRequestFixture.newLaunchId();
        for (String name : List.of("accepted", "returned", "late", "overdue", "deleted")) {
            Unit unit = people.newUnit("150525");
            members.add(unit);
            instances.put(name, fixture.startUnit(launchId, unit, TestClock.today()));
        }
        fixture.submit(instances.get("accepted"), members.get(0).contactUser(), "按时报送并已采用的总结", "https://pan.example/a");
        fixture.review(instances.get("accepted"), "commission1", "ACCEPT", "很好");
        fixture.submit(instances.get("returned"), members.get(1).contactUser(), "需要修改的初稿", null);
        fixture.review(instances.get("returned"), "commission1", "RETURN", "请补充参与人数");
        engine.getRuntimeService().deleteProcessInstance(instances.get("deleted").getId(), "发起有误", true);
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(TestClock.today().plusDays(1), LocalTime.of(9, 0), TestClock.ZONE)
                .toInstant()));
        fixture.submit(instances.get("late"), members.get(2).contactUser(), "迟交的<b>总结</b>", null);
    }

    @AfterEach
    void resetClock() {
        TestClock.pin();
    }

    @Test
    void theRequestingCommissionSeesLiveCountsAndEveryMember() {
        RestClient.Response view = rest.get("commission1", "demo", "/api/report-requests/" + launchId);

        assertThat(view.status()).as(view.raw()).isEqualTo(200);
        assertThat(view.body().get("title").asText()).isEqualTo("活动月总结");
        assertThat(view.body().get("instructions").asText()).isEqualTo(ReportRequestFixture.INSTRUCTIONS);
        assertThat(view.body().get("requesterRegionCode").asText()).isEqualTo("150525");
        assertThat(view.body().get("dueDate").asText()).isEqualTo(TestClock.today().toString());
        JsonNode counts = view.body().get("counts");
        assertThat(counts.get("requested").asInt()).isEqualTo(5);
        assertThat(counts.get("submitted").asInt()).as("accepted, returned, late").isEqualTo(3);
        assertThat(counts.get("late").asInt()).isEqualTo(1);
        assertThat(counts.get("notSubmitted").asInt()).isEqualTo(1);
        assertThat(counts.get("overdueNotSubmitted").asInt()).isEqualTo(1);
        assertThat(counts.get("awaitingReview").asInt()).isEqualTo(1);
        assertThat(counts.get("returned").asInt()).isEqualTo(1);
        assertThat(counts.get("accepted").asInt()).isEqualTo(1);
        assertThat(counts.get("ended").asInt()).isEqualTo(1);
        assertThat(view.body().get("matching").asInt()).isEqualTo(5);

        Map<String, JsonNode> byKey = new HashMap<>();
        view.body().get("members").forEach(m -> byKey.put(m.get("memberKey").asText(), m));
        assertThat(byKey).hasSize(5);
        assertThat(member(byKey, 0).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(member(byKey, 0).get("statusLabel").asText()).isEqualTo("已采用");
        assertThat(member(byKey, 1).get("status").asText()).isEqualTo("RETURNED");
        assertThat(member(byKey, 1).get("returnedReason").asText()).isEqualTo("请补充参与人数");
        assertThat(member(byKey, 2).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(member(byKey, 2).get("late").asBoolean()).isTrue();
        assertThat(member(byKey, 3).get("status").asText()).isEqualTo("REQUESTED");
        assertThat(member(byKey, 3).get("overdue").asBoolean()).isTrue();
        assertThat(member(byKey, 4).get("status").asText()).isEqualTo("ENDED");
        assertThat(member(byKey, 0).get("reportText").isNull()).as("reports are read one by one over the API").isTrue();

        RestClient.Response filtered = rest.get("commission1", "demo", "/api/report-requests/" + launchId + "?status=SUBMITTED");
        assertThat(filtered.body().get("members")).hasSize(1);
        assertThat(filtered.body().get("matching").asInt()).isEqualTo(1);
        assertThat(filtered.body().get("counts").get("requested").asInt()).as("counts stay whole").isEqualTo(5);
        RestClient.Response paged = rest.get("commission1", "demo", "/api/report-requests/" + launchId + "?size=2&page=2");
        assertThat(paged.body().get("members")).hasSize(1);
        RestClient.Response badFilter = rest.get("commission1", "demo", "/api/report-requests/" + launchId + "?status=LOST");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.body().get("message").asText()).contains("未知的报送状态：LOST", "SUBMITTED 已报送，待审阅");

        RestClient.Response report = rest.get("commission1", "demo",
                "/api/report-requests/" + launchId + "/members/unit:" + members.get(2).id());
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().get("reportText").asText()).isEqualTo("迟交的<b>总结</b>");
        assertThat(report.body().get("late").asBoolean()).isTrue();
        assertThat(rest.get("commission1", "demo", "/api/report-requests/" + launchId + "/members/unit:0").status())
                .isEqualTo(404);

        // A commission above (the city, or the region) and administrators see it too.
        assertThat(rest.get(member("rqview150500", "commission-150500"), "secret-rqview150500",
                "/api/report-requests/" + launchId).status()).isEqualTo(200);
        assertThat(rest.get("admin", "demo", "/api/report-requests/" + launchId).status()).isEqualTo(200);
    }

    @Test
    void nobodyElseLearnsTheRequestExists() {
        String unknown = rest.get("commission1", "demo", "/api/report-requests/987654321").raw();
        assertThat(unknown).contains("找不到编号为 987654321 的工作报送");

        String foreign = member("rqview150522", "commission-150522");
        RestClient.Response otherRegion = rest.get(foreign, "secret-" + foreign, "/api/report-requests/" + launchId);
        assertThat(otherRegion.status()).isEqualTo(404);
        assertThat(otherRegion.body().get("message").asText()).isEqualTo("找不到编号为 " + launchId + " 的工作报送");
        assertThat(rest.get(foreign, "secret-" + foreign, "/api/report-requests/" + launchId + "/members/unit:"
                + members.get(0).id()).status()).isEqualTo(404);
        assertThat(rest.get(null, null, "/api/report-requests/" + launchId).status()).isEqualTo(401);
        RestClient.Response unit = rest.get(members.get(0).contactUser(), people.passwordOf(members.get(0)),
                "/api/report-requests/" + launchId);
        assertThat(unit.status()).as("even a member: it reads its own report in Tasklist").isEqualTo(404);
        assertThat(rest.get("prelim1", "demo", "/api/report-requests/" + launchId).status()).isEqualTo(404);
        assertThat(rest.get("supervisor1", "demo", "/api/report-requests/" + launchId).status()).isEqualTo(404);
    }

    @Test
    void thePageShowsEverythingInOnePlaceToTheCommission() {
        WebappSession browser = new WebappSession(port);
        assertThat(browser.login("commission1", "demo")).isTrue();
        HttpResponse<String> page = browser.page("/report-requests/" + launchId);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.body()).contains("<h1>活动月总结</h1>", ReportRequestFixture.INSTRUCTIONS, "当前登录：<b>commission1</b>",
                "应报送<b>5</b>", "已报送<b>3</b>", "其中逾期报送<b>1</b>", "逾期未报<b>1</b>", "已采用<b>1</b>", "已终止<b>1</b>",
                members.get(0).name(), members.get(3).name(), members.get(4).name(),
                "按时报送并已采用的总结", "https://pan.example/a", "请补充参与人数", "逾期报送", "逾期未报", "很好",
                "迟交的&lt;b&gt;总结&lt;/b&gt;");
        assertThat(page.body()).doesNotContain("迟交的<b>总结</b>");

        HttpResponse<String> returnedOnly = browser.page("/report-requests/" + launchId + "?status=RETURNED");
        assertThat(returnedOnly.body()).contains(members.get(1).name(), "需要修改的初稿").doesNotContain(members.get(0).name());
    }

    @Test
    void thePageAsksForTheLoginAndRefusesOthersInChinese() {
        HttpResponse<String> anonymous = new WebappSession(port).page("/report-requests/" + launchId);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(anonymous.body()).contains("请先登录", "查看工作报送需要登录", "<form id=\"login\"")
                .doesNotContain("活动月总结", members.get(0).name());

        String foreign = member("rqpage150522", "commission-150522");
        WebappSession other = new WebappSession(port);
        assertThat(other.login(foreign, "secret-" + foreign)).isTrue();
        HttpResponse<String> refused = other.page("/report-requests/" + launchId);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("找不到编号为 " + launchId + " 的工作报送", "当前登录账号为 <b>" + foreign + "</b>")
                .doesNotContain("活动月总结", members.get(0).name(), "Exception");
        assertThat(other.page("/report-requests/not-a-number").statusCode()).isEqualTo(404);
    }

    /** The member line of the i-th unit. */
    private JsonNode member(Map<String, JsonNode> byKey, int i) {
        return byKey.get("unit:" + members.get(i).id());
    }
}
