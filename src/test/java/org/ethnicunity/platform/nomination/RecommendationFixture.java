package org.ethnicunity.platform.nomination;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;

/**
 * A recommendation made ready for its approval, on a test's own banner: units holding that banner's
 * title, a city campaign above it taking recommended units only, and 推荐上报 started by the banner's
 * commission through the form service (so its checks and authorizations apply). The caller creates
 * the people (commission and leading group of the banner) and grants the start.
 */
public class RecommendationFixture {

    private final ProcessEngine engine;
    private final UnitRepository units;
    private final CampaignRepository campaigns;
    private final DesignationRepository designations;
    private final NominationFixture nomination;

    public RecommendationFixture(ProcessEngine engine, UnitRepository units, CampaignRepository campaigns,
                                 DesignationRepository designations, IndicatorSetRepository indicatorSets) {
        this.engine = engine;
        this.units = units;
        this.campaigns = campaigns;
        this.designations = designations;
        this.nomination = new NominationFixture(engine, units, campaigns, indicatorSets);
        this.indicatorSetId = indicatorSets.ids().get(0);
    }

    private final long indicatorSetId;

    /** A unit of the banner named there (as if before this platform), with its title's id. */
    public record Titled(Unit unit, long designationId) {
    }

    public Titled titledUnit(String banner, String name) {
        Unit unit = units.insert(new Unit(null, name + System.nanoTime() % 100000, UnitType.SCHOOL, banner, "rfcontact",
                "联系人", "rfcontact@test.example"));
        long id = designations.insert(unit.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "测试");
        designations.recordNaming(id, LocalDate.of(2025, 3, 1), "测民创办发〔2025〕3号", LocalDate.of(2030, 3, 1), false);
        return new Titled(unit, id);
    }

    /** An open city campaign of the city above the banner, taking recommended units only. */
    public Campaign cityCampaign(String city) {
        return campaigns.insert(new Campaign(null, "T-CITY-" + city + "-" + System.nanoTime(), city + "推荐测试批次" + System.nanoTime() % 1000,
                Level.CITY, TestClock.today().getYear(), city, TestClock.today().minusDays(10), TestClock.today().plusDays(30),
                10, indicatorSetId, true));
    }

    /** 推荐上报 of the titles to the campaign, started by the commission member; waits at ApproveRecommendation. */
    public ProcessInstance recommend(String commissionMember, Campaign target, List<Titled> titles, String reasons) {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("recommendation")
                .latestVersion().singleResult().getId();
        String ids = String.join(",", titles.stream().map(t -> String.valueOf(t.designationId())).toList());
        return nomination.as(commissionMember, () -> engine.getFormService().submitStartForm(definition, Map.of(
                "targetCampaignCode", target.code(), "designationIds", ids, "recommendationReasons", reasons)));
    }

    /** The lower leading group's member approves (同意推荐上报) with the comment. */
    public void approve(ProcessInstance recommendation, String leader, String comment) {
        nomination.complete(recommendation, "ApproveRecommendation", leader,
                Map.of("recommendationDecision", "APPROVE", "recommendationComment", comment));
    }
}
