package org.ethnicunity.platform.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CampaignRepository {

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Campaign insert(Campaign c) {
        long id = jdbc.sql("""
                INSERT INTO registry.campaign (code, name, level, year, region_code, application_start,
                    application_end, quota, indicator_set_id, recommendation_required)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(c.code(), c.name(), c.level().name(), c.year(), c.regionCode(), c.applicationStart(),
                        c.applicationEnd(), c.quota(), c.indicatorSetId(), c.recommendationRequired())
                .query(Long.class).single();
        return new Campaign(id, c.code(), c.name(), c.level(), c.year(), c.regionCode(), c.applicationStart(),
                c.applicationEnd(), c.quota(), c.indicatorSetId(), c.recommendationRequired());
    }

    public Optional<Campaign> find(long id) {
        return jdbc.sql("SELECT * FROM registry.campaign WHERE id = ?").param(id)
                .query(CampaignRepository::map).optional();
    }

    public Optional<Campaign> findByCode(String code) {
        return jdbc.sql("SELECT * FROM registry.campaign WHERE code = ?").param(code)
                .query(CampaignRepository::map).optional();
    }

    /** Locks the campaign row so that two approvals cannot both take the last place of the quota. */
    public Campaign lock(long id) {
        return jdbc.sql("SELECT * FROM registry.campaign WHERE id = ? FOR UPDATE").param(id)
                .query(CampaignRepository::map).single();
    }

    public List<Campaign> findAll() {
        return jdbc.sql("SELECT * FROM registry.campaign ORDER BY year DESC, id").query(CampaignRepository::map).list();
    }

    static Campaign map(ResultSet rs, int row) throws SQLException {
        return new Campaign(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                Level.valueOf(rs.getString("level")), rs.getInt("year"), rs.getString("region_code"),
                rs.getDate("application_start").toLocalDate(), rs.getDate("application_end").toLocalDate(),
                rs.getObject("quota", Integer.class), rs.getLong("indicator_set_id"),
                rs.getBoolean("recommendation_required"));
    }
}
