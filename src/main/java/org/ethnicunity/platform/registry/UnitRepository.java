package org.ethnicunity.platform.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.ethnicunity.platform.RegionCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UnitRepository {

    private final JdbcClient jdbc;

    UnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every way a unit is registered passes here: its code is checked and kept in normal form. */
    public Unit insert(Unit unit) {
        String region = RegionCodes.requireUnitCode("regionCode", unit.regionCode());
        long id = jdbc.sql("""
                INSERT INTO registry.unit (name, unit_type, region_code, contact_user, contact_name, contact_email)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(unit.name(), unit.unitType().name(), region, unit.contactUser(),
                        unit.contactName(), unit.contactEmail())
                .query(Long.class).single();
        return new Unit(id, unit.name(), unit.unitType(), region, unit.contactUser(),
                unit.contactName(), unit.contactEmail());
    }

    public Optional<Unit> find(long id) {
        return jdbc.sql("SELECT * FROM registry.unit WHERE id = ?").param(id).query(UnitRepository::map).optional();
    }

    public Optional<Unit> findByName(String name, String regionCode) {
        return jdbc.sql("SELECT * FROM registry.unit WHERE name = ? AND region_code = ?")
                .params(name, regionCode).query(UnitRepository::map).optional();
    }

    public List<Unit> findByContact(String userId) {
        return jdbc.sql("SELECT * FROM registry.unit WHERE contact_user = ? ORDER BY id")
                .param(userId).query(UnitRepository::map).list();
    }

    public List<Unit> findAll() {
        return jdbc.sql("SELECT * FROM registry.unit ORDER BY id").query(UnitRepository::map).list();
    }

    static Unit map(ResultSet rs, int row) throws SQLException {
        return new Unit(rs.getLong("id"), rs.getString("name"), UnitType.valueOf(rs.getString("unit_type")),
                rs.getString("region_code"), rs.getString("contact_user"), rs.getString("contact_name"),
                rs.getString("contact_email"));
    }
}
