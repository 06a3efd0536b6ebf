package org.ethnicunity.platform.registry.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationEvent;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;
import org.ethnicunity.platform.registry.UnitVisibility;
import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.security.Roles;
import org.ethnicunity.platform.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry over HTTP: units and campaigns (created by the commission of their region or an
 * administrator), designations with their history. Everybody sees only what their region and role
 * cover; a unit contact sees their own units. See docs/api.md.
 */
@RestController
@RequestMapping("/api")
class RegistryController {

    private static final List<String> COMMISSION = List.of(Roles.COMMISSION);

    record NewUnit(@NotBlank @Size(max = 200) String name, @NotBlank String unitType,
                   @NotNull @Pattern(regexp = RegionCodes.UNIT_CODE_REGEX, message = "须为 " + RegionCodes.UNIT_FORMAT)
                   String regionCode, @NotBlank String contactUser, @NotBlank @Size(max = 100) String contactName,
                   @NotBlank @Email String contactEmail) {
    }

    record NewCampaign(@NotBlank @Size(max = 64) String code, @NotBlank @Size(max = 200) String name,
                       @NotBlank String level, @NotNull Integer year,
                       @NotNull @Pattern(regexp = RegionCodes.COMMISSION_CODE_REGEX,
                               message = "须为 " + RegionCodes.COMMISSION_FORMAT) String regionCode,
                       @NotNull LocalDate applicationStart, @NotNull LocalDate applicationEnd,
                       @Positive Integer quota, @NotNull Long indicatorSetId, Boolean recommendationRequired) {
    }

    record DesignationView(Designation designation, Unit unit, List<DesignationEvent> history) {
    }

    private final UnitRepository units;
    private final CampaignRepository campaigns;
    private final DesignationRepository designations;
    private final IndicatorSetRepository indicatorSets;
    private final ApiAccess access;
    private final UnitVisibility visibility;

    RegistryController(UnitRepository units, CampaignRepository campaigns, DesignationRepository designations,
                       IndicatorSetRepository indicatorSets, ApiAccess access, UnitVisibility visibility) {
        this.units = units;
        this.campaigns = campaigns;
        this.designations = designations;
        this.indicatorSets = indicatorSets;
        this.access = access;
        this.visibility = visibility;
    }

    @PostMapping("/units")
    @ResponseStatus(HttpStatus.CREATED)
    Unit createUnit(@Valid @RequestBody NewUnit body) {
        // A unit may sit in a township or village (9/12 digits); its banner's commission registers it.
        String region = RegionCodes.requireUnitCode("regionCode", body.regionCode());
        access.requireRoleFor(region, COMMISSION, "登记该地区的创建单位");
        UnitType type = UnitType.parse(body.unitType());
        if (!access.userExists(body.contactUser())) {
            throw new RuleViolation("contactUser", "联系人账号「" + body.contactUser() + "」不存在，请先在 Admin 中创建该用户");
        }
        if (units.findByName(body.name().trim(), region).isPresent()) {
            throw new RuleViolation("name", "该地区已登记名为「" + body.name().trim() + "」的单位");
        }
        return units.insert(new Unit(null, body.name().trim(), type, region, body.contactUser(),
                body.contactName().trim(), body.contactEmail().trim()));
    }

    @GetMapping("/units")
    List<Unit> listUnits() {
        return units.findAll().stream().filter(visibility::canSee).toList();
    }

    @GetMapping("/units/{id}")
    Map<String, Object> unit(@PathVariable long id) {
        Unit unit = visibleUnit(id);
        return Map.of("unit", unit, "designations", designations.findByUnit(id));
    }

    @PostMapping("/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    Campaign createCampaign(@Valid @RequestBody NewCampaign body) {
        // A campaign is a commission's: no township or village has one.
        String region = RegionCodes.requireCommissionCode("regionCode", body.regionCode());
        access.requireRoleFor(region, COMMISSION, "为该地区开设评选批次");
        Level level = Level.parse(body.level());
        if (body.applicationEnd().isBefore(body.applicationStart())) {
            throw new RuleViolation("applicationEnd", "申报截止日期不能早于开始日期");
        }
        var set = indicatorSets.find(body.indicatorSetId())
                .orElseThrow(() -> new RuleViolation("indicatorSetId", "找不到编号为 " + body.indicatorSetId() + " 的测评指标体系"));
        if (!set.level().equals(level.name())) {
            throw new RuleViolation("indicatorSetId", "指标体系「" + set.name() + "」适用于" + Level.valueOf(set.level()).label()
                    + "，与批次级别（" + level.label() + "）不符");
        }
        if (campaigns.findByCode(body.code().trim()).isPresent()) {
            throw new RuleViolation("code", "批次编号「" + body.code().trim() + "」已存在");
        }
        return campaigns.insert(new Campaign(null, body.code().trim(), body.name().trim(), level, body.year(),
                region, body.applicationStart(), body.applicationEnd(), body.quota(), set.id(),
                Boolean.TRUE.equals(body.recommendationRequired())));
    }

    @GetMapping("/campaigns")
    List<Campaign> listCampaigns() {
        access.userId();
        return campaigns.findAll();
    }

    @GetMapping("/designations/{id}")
    DesignationView designation(@PathVariable long id) {
        // Another region's title is answered like a missing one (same status, same words): neither its
        // existence nor its unit is confirmed.
        NotFound missing = new NotFound("找不到编号为 " + id + " 的命名记录");
        Designation designation = designations.find(id).orElseThrow(() -> missing);
        Unit unit = units.find(designation.unitId()).filter(visibility::canSee).orElseThrow(() -> missing);
        return new DesignationView(designation, unit, designations.events(id));
    }

    private Unit visibleUnit(long id) {
        Unit unit = units.find(id).orElseThrow(() -> new NotFound("找不到编号为 " + id + " 的单位"));
        if (!visibility.canSee(unit)) {
            // Same answer as a missing unit: other regions' units are not even confirmed to exist.
            throw new NotFound("找不到编号为 " + id + " 的单位");
        }
        return unit;
    }
}
