package org.ethnicunity.platform.benchmark;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A region's registry at scale, written by SQL: N units with a banner title each, spread over the two
 * demo banners of 通辽市 (so the demo's commission users review them), every unit with a contact
 * person of its own. The contacts are Camunda users (ACT_ID_USER, the engine's documented identity
 * table) written in one statement: 50,000 calls of IdentityService.saveUser would take minutes.
 */
final class ScaleSeed {

    static final String CITY = "150500";
    static final String[] BANNERS = {"150525", "150522"};

    private ScaleSeed() {
    }

    static void seed(JdbcClient jdbc, int designations, LocalDate today) {
        jdbc.sql("""
                INSERT INTO registry.unit (name, unit_type, region_code, contact_user, contact_name, contact_email)
                SELECT '规模单位' || g, 'SCHOOL', CASE WHEN g % 2 = 0 THEN :b0 ELSE :b1 END,
                       'scale' || g, '联系人' || g, 'scale' || g || '@scale.example'
                FROM generate_series(1, :n) g""")
                .param("b0", BANNERS[0]).param("b1", BANNERS[1]).param("n", designations).update();
        jdbc.sql("""
                INSERT INTO act_id_user (id_, rev_, first_, last_, email_)
                SELECT 'scale' || g, 1, '联系人' || g, '', 'scale' || g || '@scale.example'
                FROM generate_series(1, :n) g""").param("n", designations).update();
        jdbc.sql("""
                INSERT INTO registry.designation (unit_id, level, status, named_date, document_number, expiry_date)
                SELECT id, 'BANNER', 'NAMED', :named, '规模〔' || id || '〕号', :expiry
                FROM registry.unit WHERE contact_user LIKE 'scale%'""")
                .param("named", today.minusYears(2)).param("expiry", today.plusYears(3)).update();
        jdbc.sql("ANALYZE").update();
    }
}
