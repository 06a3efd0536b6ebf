package org.ethnicunity.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The dev profile's titled demo units (a context of its own with a few of them, as the suite's shared
 * one has none): the application starts with them, their contacts log in, and 奈曼旗's commission can
 * launch their annual review. A contact id Camunda refuses once stopped the demo from starting.
 */
@TestPropertySource(properties = "app.demo.named-titles=6")
class DemoTitlesTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void theDemoStartsWithTitledUnitsWhoseContactsLogIn() {
        assertThat(jdbc.sql("SELECT count(*) FROM registry.designation d JOIN registry.unit u ON u.id = d.unit_id "
                + "WHERE u.contact_user LIKE 'u1505%' AND d.status = 'NAMED'").query(Long.class).single())
                .as("6 banner titles, 2 of them also city titles").isEqualTo(8L);
        RestClient rest = new RestClient(port);
        assertThat(rest.get("u150525n1", "demo", "/engine-rest/task").status()).isEqualTo(200);
        assertThat(rest.get("u150522n3", "demo", "/engine-rest/task").status()).isEqualTo(200);
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("commission-150500").list())
                .extracting(u -> u.getId()).containsExactly("commission3");
    }
}
