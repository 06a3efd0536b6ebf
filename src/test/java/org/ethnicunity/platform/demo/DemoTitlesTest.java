package org.ethnicunity.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dev profile's titled demo units (the suite runs with none: app.demo.named-titles is 0 in
 * tests), made here in two banners of their own: their titles are NAMED and their contacts log in. A
 * contact id Camunda refuses (u150525-1) once stopped the demo from starting.
 */
class DemoTitlesTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired DemoTitles titles;
    @Autowired JdbcClient jdbc;

    @Test
    void titledDemoUnitsAreNamedAndTheirContactsLogIn() {
        assertThat(titles.create(6, List.of("159951", "159952"))).isEqualTo(6);

        assertThat(jdbc.sql("SELECT count(*) FROM registry.designation d JOIN registry.unit u ON u.id = d.unit_id "
                + "WHERE u.region_code IN ('159951', '159952') AND d.status = 'NAMED'").query(Long.class).single())
                .as("6 banner titles, 2 of them also city titles").isEqualTo(8L);
        RestClient rest = new RestClient(port);
        assertThat(rest.get("u159951n1", "demo", "/engine-rest/task").status()).isEqualTo(200);
        assertThat(rest.get("u159952n3", "demo", "/engine-rest/task").status()).isEqualTo(200);
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("commission-150500").list())
                .extracting(u -> u.getId()).contains("commission3");
    }
}
