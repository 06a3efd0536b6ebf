package org.ethnicunity.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.WebappSession;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.reports.Downloads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No existence oracle: a subject outside the caller's scope answers exactly like one that does not exist,
 * the same status and the same body but for the id the caller typed. The subject is a banner title of
 * 奈曼旗 (150525); the callers are staff of 库伦旗 (150522), who may see neither it nor its unit.
 */
class NoOracleTest extends IntegrationTest {

    private static final long UNKNOWN = 987_654_321L;

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired DesignationRepository designations;

    private RestClient rest;
    private Designation title;

    @BeforeEach
    void findTheDemoTitle() {
        rest = new RestClient(port);
        Unit community = units.findByContact("unit2").get(0);
        title = designations.findByUnit(community.id()).stream()
                .filter(d -> d.status() == DesignationStatus.NAMED && d.level() == Level.BANNER).findFirst().orElseThrow();
    }

    @Test
    void anotherRegionsDesignationIsAnsweredLikeAMissingOne() {
        for (String user : new String[] {"prelim2", "commission2"}) {
            sameAnswer(rest.get(user, "demo", "/api/designations/" + title.id()),
                    rest.get(user, "demo", "/api/designations/" + UNKNOWN), title.id());
        }
        // The unit's id is not told either.
        assertThat(rest.get("prelim2", "demo", "/api/designations/" + title.id()).raw()).doesNotContain(title.unitId() + "");
        // A unit's contact sees only its own unit's titles.
        sameAnswer(rest.get("unit1", "demo", "/api/designations/" + title.id()),
                rest.get("unit1", "demo", "/api/designations/" + UNKNOWN), title.id());
    }

    @Test
    void anotherRegionsUnitIsAnsweredLikeAMissingOne() {
        sameAnswer(rest.get("prelim2", "demo", "/api/units/" + title.unitId()),
                rest.get("prelim2", "demo", "/api/units/" + UNKNOWN), title.unitId());
    }

    @Test
    void anotherRegionsDossierIsAnsweredLikeAMissingOne() {
        for (String user : new String[] {"prelim2", "commission2"}) {
            HttpResponse<byte[]> foreign = Downloads.get(port, user, "demo", "/api/designations/" + title.id() + "/dossier.pdf");
            HttpResponse<byte[]> unknown = Downloads.get(port, user, "demo", "/api/designations/" + UNKNOWN + "/dossier.pdf");
            assertThat(foreign.statusCode()).isEqualTo(404).isEqualTo(unknown.statusCode());
            assertThat(text(foreign.body()).replace("编号为 " + title.id() + " ", "编号为 ID ")).isEqualTo(text(unknown.body()).replace("编号为 " + UNKNOWN + " ", "编号为 ID "))
                    .contains("找不到编号为 ID 的命名记录");
        }
        WebappSession browser = new WebappSession(port);
        assertThat(browser.login("commission2", "demo")).isTrue();
        HttpResponse<byte[]> foreign = browser.download("/registry/designations/" + title.id() + "/dossier.pdf");
        HttpResponse<byte[]> unknown = browser.download("/registry/designations/" + UNKNOWN + "/dossier.pdf");
        assertThat(foreign.statusCode()).isEqualTo(404).isEqualTo(unknown.statusCode());
        assertThat(text(foreign.body()).replace("编号为 " + title.id() + " ", "编号为 ID ")).isEqualTo(text(unknown.body()).replace("编号为 " + UNKNOWN + " ", "编号为 ID "));
    }

    @Test
    void anotherRegionsDesignationPageIsAnsweredLikeAMissingOne() {
        WebappSession browser = new WebappSession(port);
        assertThat(browser.loginStatus("prelim2", "demo")).isEqualTo(200);
        HttpResponse<String> foreign = browser.page("/registry/designations/" + title.id());
        HttpResponse<String> unknown = browser.page("/registry/designations/" + UNKNOWN);
        assertThat(foreign.statusCode()).isEqualTo(404).isEqualTo(unknown.statusCode());
        assertThat(foreign.body().replace("编号为 " + title.id() + " ", "编号为 ID ")).isEqualTo(unknown.body().replace("编号为 " + UNKNOWN + " ", "编号为 ID "))
                .contains("找不到编号为 ID 的命名记录");
    }

    @Test
    void aVetoEventOnAnotherRegionsTitleIsAnsweredLikeOnAMissingOne() {
        Map<String, Object> event = Map.of("description", "事件", "occurredOn", TestClock.today().minusDays(1).toString());
        sameAnswer(rest.post("commission2", "demo", "/api/designations/" + title.id() + "/veto-events", event),
                rest.post("commission2", "demo", "/api/designations/" + UNKNOWN + "/veto-events", event), title.id());
        assertThat(designations.find(title.id()).orElseThrow().status()).isEqualTo(DesignationStatus.NAMED);
    }

    private static void sameAnswer(RestClient.Response foreign, RestClient.Response unknown, long foreignId) {
        assertThat(foreign.status()).as(foreign.raw()).isEqualTo(404);
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(404);
        assertThat(foreign.raw().replace("编号为 " + foreignId + " ", "编号为 ID ")).isEqualTo(unknown.raw().replace("编号为 " + UNKNOWN + " ", "编号为 ID "))
                .contains("找不到编号为 ID 的");
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
