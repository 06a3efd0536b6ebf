package org.ethnicunity.platform.demo;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;
import org.ethnicunity.platform.security.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Named titles in numbers, so a launch (annual review, report request, 计划复核) has something to
 * work on in the demo: {@code app.demo.named-titles} banner titles spread over 奈曼旗 and 科左后旗
 * (named one to four years ago, so some are due for re-inspection), a fifth of them also holding the
 * city title of 通辽市. Each unit has its own contact (ucontact (u&lt;region&gt;-&lt;n&gt;, password demo)lt;regioncontact (u&lt;region&gt;-&lt;n&gt;, password demo)gt;ncontact (u&lt;region&gt;-&lt;n&gt;, password demo)lt;ncontact (u&lt;region&gt;-&lt;n&gt;, password demo)gt;, e.g. u150525n1, password demo).
 */
@Component
@Profile("dev")
class DemoTitles {

    private static final List<String> BANNERS = List.of("150525", "150522");
    private static final List<UnitType> TYPES = List.of(UnitType.SCHOOL, UnitType.COMMUNITY, UnitType.AGENCY,
            UnitType.ENTERPRISE, UnitType.TOWNSHIP);
    private static final List<String> NAMES = List.of("中心小学", "团结嘎查", "民族事务服务中心", "乳业有限公司", "苏木");

    private final int count;
    private final IdentityService identity;
    private final UnitRepository units;
    private final DesignationRepository designations;
    private final BusinessClock clock;

    DemoTitles(@Value("${app.demo.named-titles:0}") int count, IdentityService identity, UnitRepository units,
               DesignationRepository designations, BusinessClock clock) {
        this.count = count;
        this.identity = identity;
        this.units = units;
        this.designations = designations;
        this.clock = clock;
    }

    int create() {
        return create(count, BANNERS);
    }

    /** {@code count} titled units spread over the banners; returns how many units. */
    int create(int count, List<String> banners) {
        LocalDate today = clock.today();
        for (int i = 0; i < count; i++) {
            String region = banners.get(i % banners.size());
            int n = i / BANNERS.size() + 1;
            UnitType type = TYPES.get(i % TYPES.size());
            String contact = "u" + region + "n" + n; // Camunda ids: letters and digits only
            contact(contact, region);
            Unit unit = units.insert(new Unit(null, bannerName(region) + "第" + n
                    + NAMES.get(i % NAMES.size()), type, region, contact, "联系人" + n, contact + "@demo.example"));
            LocalDate named = today.minusDays(365L + (i * 7L) % (3 * 365));
            name(unit, Level.BANNER, named, bannerName(region) + "民委发");
            if (i % 5 == 0) {
                name(unit, Level.CITY, named.plusMonths(6).isAfter(today) ? today.minusDays(30) : named.plusMonths(6), "通民委发");
            }
        }
        return count;
    }

    private static String bannerName(String region) {
        return switch (region) {
            case "150525" -> "奈曼旗";
            case "150522" -> "科左后旗";
            default -> region;
        };
    }

    private void name(Unit unit, Level level, LocalDate named, String office) {
        long id = designations.insert(unit.id(), level, null, DesignationStatus.NAMED, null, "历史命名");
        designations.recordNaming(id, named, office + "〔" + named.getYear() + "〕" + id + "号", named.plusYears(5), false);
        designations.insertEvent(id, null, DesignationStatus.NAMED, "admin", "演示数据：导入历史命名", null, clock.now());
    }

    private void contact(String id, String region) {
        User user = identity.newUser(id);
        user.setFirstName("联系人（" + region + "）" + id);
        user.setLastName("");
        user.setEmail(id + "@demo.example");
        user.setPassword(DemoData.PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, Roles.UNIT_CONTACTS);
    }
}
