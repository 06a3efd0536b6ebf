package org.ethnicunity.platform.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.RuleViolation;
import org.ethnicunity.platform.security.AccessDenied;
import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * National titles are named by the national commission, not through this platform: the autonomous
 * region's commission (or an administrator) records them by importing the national decision's named
 * list, {@code POST /api/designations/national} (docs/recommendation.md). Each row becomes a NATIONAL
 * designation, NAMED on the decision's date with its document number, valid 5 years. The whole list
 * is checked first and recorded in one transaction: a bad row refuses all, naming its row number.
 */
@RestController
class NationalDesignations {

    /** One unit of the national named list. */
    record NamedUnit(Long unitId, String documentNumber, LocalDate namedDate, String batch) {
    }

    private static final int MAX_ROWS = 1_000;

    private final UnitRepository units;
    private final DesignationRepository designations;
    private final RegistryRules rules;
    private final ApiAccess access;
    private final BusinessClock clock;

    NationalDesignations(UnitRepository units, DesignationRepository designations, RegistryRules rules, ApiAccess access,
                         BusinessClock clock) {
        this.units = units;
        this.designations = designations;
        this.rules = rules;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping("/api/designations/national")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public List<Designation> record(@RequestBody List<NamedUnit> rows) {
        if (!access.isAdmin() && access.scopes(Roles.COMMISSION).stream().noneMatch(scope -> scope.endsWith("0000"))) {
            throw new AccessDenied("您（" + access.userId() + "）无权登记全国命名：只有自治区民委（创建办）和管理员可以导入国家命名名单");
        }
        if (rows == null || rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw new RuleViolation("rows", "请提交 1 至 " + MAX_ROWS + " 行命名名单");
        }
        List<Designation> recorded = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            recorded.add(record(i + 1, rows.get(i)));
        }
        return recorded;
    }

    private Designation record(int row, NamedUnit r) {
        String at = "第 " + row + " 行：";
        if (r == null || r.unitId() == null) {
            throw new RuleViolation("unitId", at + "缺少单位编号（unitId）");
        }
        Unit unit = units.find(r.unitId()).orElseThrow(() -> new RuleViolation("unitId", at + "找不到编号为 " + r.unitId() + " 的单位"));
        if (!access.hasRoleFor(unit.regionCode(), List.of(Roles.COMMISSION))) {
            throw new RuleViolation("unitId", at + "「" + unit.name() + "」不在您可登记的行政区域内");
        }
        if (r.documentNumber() == null || r.documentNumber().isBlank() || r.documentNumber().trim().length() > 100) {
            throw new RuleViolation("documentNumber", at + "请填写国家命名文件的文号（不超过 100 字）");
        }
        if (r.namedDate() == null || r.namedDate().isAfter(clock.today())) {
            throw new RuleViolation("namedDate", at + "请填写命名日期（年-月-日），且不能晚于今天");
        }
        if (designations.findByUnitAndLevel(unit.id(), Level.REGION, DesignationStatus.HOLDING).isEmpty()) {
            throw new RuleViolation("unitId", at + "「" + unit.name() + "」未持有自治区级称号：全国称号只从自治区推荐的示范单位中命名");
        }
        if (!designations.findByUnitAndLevel(unit.id(), Level.NATIONAL, DesignationStatus.ACTIVE).isEmpty()) {
            throw new RuleViolation("unitId", at + "「" + unit.name() + "」已持有全国称号");
        }
        String number = r.documentNumber().trim();
        String batch = r.batch() == null || r.batch().isBlank() ? number : r.batch().trim();
        long id = designations.insert(unit.id(), Level.NATIONAL, null, DesignationStatus.NAMED, null, batch);
        designations.recordNaming(id, r.namedDate(), number, r.namedDate().plusYears(rules.titleValidityYears()), false);
        designations.insertEvent(id, null, DesignationStatus.NAMED, access.userId(), "全国命名（导入国家民委命名名单）：" + batch,
                null, clock.now(), number);
        return designations.find(id).orElseThrow();
    }
}
