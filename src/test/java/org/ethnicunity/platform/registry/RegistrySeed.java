package org.ethnicunity.platform.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * Registry data with known counts, in regions no other test uses: 阿拉善盟 (152900) with its
 * banners 阿拉善左旗 (152921) and 阿拉善右旗 (152922), and 兴安盟's 乌兰浩特市 (152201) as "another
 * region". Seeded once per test JVM (the Spring context is shared); every count below is exact.
 *
 * <pre>
 * 152921: 6 units (3 学校, 3 社区), each a 旗县级 title named: 2 in 2024, 4 in 2025 (batch 2025第一批);
 *         the first two schools also a 盟市级 title (2025, batch 2025盟市级)  → 8 designations
 * 152922: 4 units (2 学校, 2 机关): 3 named in 2025, 1 named in 2024 and now 整改中   → 4 designations
 * 152201: 3 学校 named in 2025                                                      → 3 designations
 * </pre>
 */
final class RegistrySeed {

    static final String CITY = "152900";
    static final String LEFT = "152921";
    static final String RIGHT = "152922";
    static final String FOREIGN = "152201";
    /** Contact of the first school of 152921 (two titles). */
    static final String CONTACT = "rvcontact";

    private RegistrySeed() {
    }

    static synchronized void ensure(UnitRepository units, DesignationRepository designations, java.util.function.BiFunction<String, String, String> member) {
        member.apply(CONTACT, "unit-contacts");
        if (units.findByName("阿左旗第1学校", LEFT).isPresent()) {
            return;
        }
        for (int i = 1; i <= 6; i++) {
            boolean school = i <= 3;
            Unit unit = unit(units, "阿左旗第" + i + (school ? "学校" : "社区"), school ? UnitType.SCHOOL : UnitType.COMMUNITY,
                    LEFT, i == 1 ? CONTACT : "admin");
            boolean early = i == 5 || i == 6;
            name(designations, unit, Level.BANNER, early ? LocalDate.of(2024, 5, i) : LocalDate.of(2025, 4, i),
                    early ? null : "2025第一批");
            if (i <= 2) {
                name(designations, unit, Level.CITY, LocalDate.of(2025, 9, i), "2025盟市级");
            }
        }
        for (int i = 1; i <= 4; i++) {
            boolean school = i <= 2;
            Unit unit = unit(units, "阿右旗第" + i + (school ? "学校" : "机关"), school ? UnitType.SCHOOL : UnitType.AGENCY,
                    RIGHT, "admin");
            long id = name(designations, unit, Level.BANNER, i == 4 ? LocalDate.of(2024, 6, 1) : LocalDate.of(2025, 6, i), null);
            if (i == 4) {
                designations.updateStatus(id, DesignationStatus.NAMED, DesignationStatus.RECTIFYING);
            }
        }
        for (int i = 1; i <= 3; i++) {
            Unit unit = unit(units, "乌兰浩特第" + i + "学校", UnitType.SCHOOL, FOREIGN, "admin");
            name(designations, unit, Level.BANNER, LocalDate.of(2025, 7, i), null);
        }
    }

    static List<String> leftNames() {
        return List.of("阿左旗第1学校", "阿左旗第2学校", "阿左旗第3学校", "阿左旗第4社区", "阿左旗第5社区", "阿左旗第6社区");
    }

    private static Unit unit(UnitRepository units, String name, UnitType type, String region, String contact) {
        return units.insert(new Unit(null, name, type, region, contact, "联系人", contact + "@test.example"));
    }

    private static long name(DesignationRepository designations, Unit unit, Level level, LocalDate named, String batch) {
        long id = designations.insert(unit.id(), level, null, DesignationStatus.NAMED, null, batch);
        designations.recordNaming(id, named, "阿民发〔" + named.getYear() + "〕" + unit.id() + "号", named.plusYears(5), false);
        return id;
    }
}
