package org.ethnicunity.platform.reports.statistics;

import java.util.List;
import java.util.TreeSet;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.security.AccessDenied;
import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.security.Roles;
import org.springframework.stereotype.Component;

/**
 * Which regions a caller's statistics cover: the regions of their regional groups (and the regions
 * below), or one of those narrowed by {@code regionCode}; administrators the whole registry or any
 * region. Unit contacts and people without a regional group get none.
 */
@Component
class StatisticsScope {

    private final ApiAccess access;

    StatisticsScope(ApiAccess access) {
        this.access = access;
    }

    List<String> of(String regionCode) {
        if (regionCode != null && !regionCode.isBlank()) {
            // A banner's staff may narrow their figures down to one township or village.
            String region = RegionCodes.normalise(regionCode).orElseThrow(() -> new RuleViolation("regionCode",
                    "「行政区划代码」须为 6 位数字（如 150525 奈曼旗、150500 通辽市），或 9 位（苏木乡镇/街道）、12 位（嘎查村/社区）数字，收到的是「"
                            + regionCode + "」"));
            access.requireRoleFor(region, Roles.REGIONAL, "查看该地区的统计");
            return List.of(region);
        }
        if (access.isAdmin()) {
            return List.of();
        }
        TreeSet<String> scopes = new TreeSet<>();
        Roles.REGIONAL.forEach(role -> scopes.addAll(access.scopes(role)));
        // A city's group covers its banners: a banner of the same person adds nothing.
        List<String> widest = scopes.stream().filter(s -> scopes.stream()
                .noneMatch(other -> !other.equals(s) && RegionCodes.covers(other, s))).toList();
        if (widest.isEmpty()) {
            throw new AccessDenied("您（" + access.userId() + "）无权查看统计：统计仅对各地区民委、领导小组、评审和监督人员开放");
        }
        return widest;
    }
}
