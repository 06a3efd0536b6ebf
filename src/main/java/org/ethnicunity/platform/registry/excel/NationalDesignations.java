package org.ethnicunity.platform.registry.excel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.RegistryRules;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
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

    /** Which field of a row a problem is about: the JSON field, and (for the workbook) its column. */
    enum Field { UNIT, DOCUMENT_NUMBER, NAMED_DATE }

    /** A problem of one row, before the row number and column are put to it. */
    record Issue(Field field, String message) {
    }

    @PostMapping("/api/designations/national")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public List<Designation> record(@RequestBody List<NamedUnit> rows) {
        requireRight();
        if (rows == null || rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw new RuleViolation("rows", "请提交 1 至 " + MAX_ROWS + " 行命名名单");
        }
        List<Designation> recorded = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String at = "第 " + (i + 1) + " 行：";
            NamedUnit r = rows.get(i);
            if (r == null || r.unitId() == null) {
                throw new RuleViolation("unitId", at + "缺少单位编号（unitId）");
            }
            Unit unit = units.find(r.unitId()).orElseThrow(() -> new RuleViolation("unitId", at + "找不到编号为 " + r.unitId() + " 的单位"));
            List<Issue> issues = check(unit, r.documentNumber(), r.namedDate());
            if (!issues.isEmpty()) {
                Issue first = issues.get(0);
                throw new RuleViolation(switch (first.field()) {
                    case UNIT -> "unitId";
                    case DOCUMENT_NUMBER -> "documentNumber";
                    case NAMED_DATE -> "namedDate";
                }, at + first.message());
            }
            recorded.add(recordTitle(unit, r.documentNumber(), r.namedDate(), r.batch()));
        }
        return recorded;
    }

    /** Only the autonomous region's commission (a {@code …0000} commission group) and administrators record national titles. */
    void requireRight() {
        if (!access.isAdmin() && access.scopes(Roles.COMMISSION).stream().noneMatch(scope -> scope.endsWith("0000"))) {
            throw new AccessDenied("您（" + access.userId() + "）无权登记全国命名：只有自治区民委（创建办）和管理员可以导入国家命名名单");
        }
    }

    /** Everything wrong with recording a national title for the unit by this decision (empty: it may be recorded). */
    List<Issue> check(Unit unit, String documentNumber, LocalDate namedDate) {
        List<Issue> issues = new ArrayList<>();
        if (!access.hasRoleFor(unit.regionCode(), List.of(Roles.COMMISSION))) {
            issues.add(new Issue(Field.UNIT, "「" + unit.name() + "」不在您可登记的行政区域内"));
        } else if (designations.findByUnitAndLevel(unit.id(), Level.REGION, DesignationStatus.HOLDING).isEmpty()) {
            issues.add(new Issue(Field.UNIT, "「" + unit.name() + "」未持有自治区级称号：全国称号只从自治区推荐的示范单位中命名"));
        } else if (!designations.findByUnitAndLevel(unit.id(), Level.NATIONAL, DesignationStatus.ACTIVE).isEmpty()) {
            issues.add(new Issue(Field.UNIT, "「" + unit.name() + "」已持有全国称号"));
        }
        if (documentNumber == null || documentNumber.isBlank() || documentNumber.trim().length() > 100) {
            issues.add(new Issue(Field.DOCUMENT_NUMBER, "请填写国家命名文件的文号（不超过 100 字）"));
        }
        if (namedDate == null || namedDate.isAfter(clock.today())) {
            issues.add(new Issue(Field.NAMED_DATE, "请填写命名日期（年-月-日），且不能晚于今天"));
        }
        return issues;
    }

    /** Records a checked row: a NATIONAL designation NAMED on the decision's date, valid the title's years. */
    Designation recordTitle(Unit unit, String documentNumber, LocalDate namedDate, String batchName) {
        String number = documentNumber.trim();
        String batch = batchName == null || batchName.isBlank() ? number : batchName.trim();
        long id = designations.insert(unit.id(), Level.NATIONAL, null, DesignationStatus.NAMED, null, batch);
        designations.recordNaming(id, namedDate, number, namedDate.plusYears(rules.titleValidityYears()), false);
        designations.insertEvent(id, null, DesignationStatus.NAMED, access.userId(), "全国命名（导入国家民委命名名单）：" + batch,
                null, clock.now(), number);
        return designations.find(id).orElseThrow();
    }
}
