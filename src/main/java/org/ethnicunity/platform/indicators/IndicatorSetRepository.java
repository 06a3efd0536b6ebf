package org.ethnicunity.platform.indicators;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class IndicatorSetRepository {

    private final JdbcClient jdbc;

    IndicatorSetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<IndicatorSet> find(long id) {
        List<IndicatorSet.Category> categories = jdbc.sql(
                "SELECT code, name, max_points FROM registry.indicator_category WHERE indicator_set_id = ? ORDER BY sort_order")
                .param(id).query((rs, n) -> new IndicatorSet.Category(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)))
                .list();
        List<IndicatorSet.VetoItem> vetoes = jdbc.sql(
                "SELECT code, name FROM registry.veto_item WHERE indicator_set_id = ? ORDER BY sort_order")
                .param(id).query((rs, n) -> new IndicatorSet.VetoItem(rs.getString(1), rs.getString(2))).list();
        return jdbc.sql("SELECT * FROM registry.indicator_set WHERE id = ?").param(id)
                .query((rs, n) -> new IndicatorSet(rs.getLong("id"), rs.getString("code"), rs.getInt("version"),
                        rs.getString("name"), rs.getString("level"), rs.getString("unit_type"),
                        rs.getBigDecimal("total_max"), rs.getBigDecimal("pass_line"), categories, vetoes))
                .optional();
    }

    /** The set a process instance names in its {@code indicatorSetId}; missing is a broken deployment. */
    public IndicatorSet require(Object id) {
        long setId = ((Number) id).longValue();
        return find(setId).orElseThrow(() -> new IllegalStateException("Indicator set " + setId + " missing"));
    }

    /** The newest set for the level and unit type: one of that unit type, else one for every type of the level. */
    public Optional<Long> latestFor(String level, String unitType) {
        return jdbc.sql("""
                SELECT id FROM registry.indicator_set WHERE level = ? AND (unit_type = ? OR unit_type IS NULL)
                ORDER BY unit_type NULLS LAST, version DESC, id DESC LIMIT 1""")
                .params(level, unitType).query(Long.class).optional();
    }

    public Optional<Long> latestId(String code) {
        return jdbc.sql("SELECT id FROM registry.indicator_set WHERE code = ? ORDER BY version DESC LIMIT 1")
                .param(code).query(Long.class).optional();
    }

    public List<Long> ids() {
        return jdbc.sql("SELECT id FROM registry.indicator_set ORDER BY code, version").query(Long.class).list();
    }
}
