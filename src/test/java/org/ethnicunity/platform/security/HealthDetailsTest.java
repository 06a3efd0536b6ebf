package org.ethnicunity.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /actuator/health} answers everybody with the statuses; the details (mail host and port, disk
 * path, the job executor's lock owner, the outbox's counts) only administrators signed in with HTTP
 * Basic (HealthCaller); a wrong password is answered like no password, never 401.
 */
class HealthDetailsTest extends IntegrationTest {

    @LocalServerPort int port;

    @Test
    void anonymousCallersGetStatusesOnly() {
        RestClient.Response health = new RestClient(port).get(null, null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isIn("UP", "DEGRADED");
        assertThat(health.body().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.raw()).doesNotContain("details", "lockOwner", "location", "path", "127.0.0.1");
        assertThat(new RestClient(port).get(null, null, "/actuator/health/mailOutbox").raw()).doesNotContain("details");
    }

    @Test
    void administratorsGetTheDetails() {
        RestClient.Response health = new RestClient(port).get("admin", "demo", "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().at("/components/diskSpace/details/path").isMissingNode()).as(health.raw()).isFalse();
        assertThat(health.body().at("/components/mailOutbox/details/waiting").isMissingNode()).isFalse();
        assertThat(health.raw()).contains("127.0.0.1"); // the test's mail server
    }

    @Test
    void otherPeopleAndWrongPasswordsGetStatusesOnly() {
        // An administrator of its own: a wrong password delays that user's next login (Camunda's brute-force guard).
        member("healthwrong", "camunda-admin");
        for (String[] caller : new String[][] {{"prelim1", "demo"}, {"commission1", "demo"}, {"healthwrong", "wrong"}}) {
            RestClient.Response health = new RestClient(port).get(caller[0], caller[1], "/actuator/health");
            assertThat(health.status()).as(caller[0]).isEqualTo(200);
            assertThat(health.raw()).as(caller[0]).doesNotContain("details");
        }
    }

    /** Administrators get mails (the calendar watch counts them): the extra one goes again. */
    @AfterEach
    void removeTheExtraAdministrator() {
        engine.getIdentityService().deleteUser("healthwrong");
    }
}
