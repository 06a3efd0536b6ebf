package org.ethnicunity.platform.registry;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.security.AccessDenied;
import org.ethnicunity.platform.security.Actors;
import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.web.NotFound;
import org.ethnicunity.platform.web.PersonPage;
import org.ethnicunity.platform.web.WebappLogin;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The page the naming and decline mails link to: one designation with its history, in Chinese, for
 * the people who may see it through {@code GET /api/designations/{id}} ({@link UnitVisibility}),
 * logged in as in Tasklist. Without a login it shows a login form that logs in through Camunda's own
 * endpoint; a refusal or failure is a Chinese page, never a stack trace.
 */
@Controller
@RequestMapping("/registry/designations")
class DesignationPage extends PersonPage {

    private final DesignationRepository designations;
    private final UnitRepository units;
    private final CampaignRepository campaigns;
    private final UnitVisibility visibility;
    private final ApiAccess access;
    private final BusinessClock clock;

    DesignationPage(DesignationRepository designations, UnitRepository units, CampaignRepository campaigns,
                    UnitVisibility visibility, ApiAccess access, IdentityService identity, WebappLogin login,
                    BusinessClock clock) {
        super(login, identity, "命名记录", "找不到该命名记录");
        this.designations = designations;
        this.units = units;
        this.campaigns = campaigns;
        this.visibility = visibility;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/{id}")
    String designation(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return loginForm.get();
        }
        Designation designation = designations.find(id).orElseThrow(() -> new NotFound("找不到编号为 " + id + " 的命名记录"));
        Unit unit = units.find(designation.unitId()).orElseThrow(() -> new NotFound("找不到编号为 " + id + " 的命名记录"));
        if (!visibility.canSee(unit)) {
            throw new AccessDenied("您无权查看该单位的命名记录");
        }
        String campaign = designation.campaignId() == null ? null
                : campaigns.find(designation.campaignId()).map(Campaign::name).orElse(null);
        List<DesignationEvent> events = designations.events(id);
        model.addAttribute("sheet", DesignationSheet.of(designation, unit, campaign, events, clock.zone(), names(events)));
        return "registry/designation";
    }

    /**
     * Display names of the people in the history. Read without the caller's authorizations: a unit
     * contact may not read the user directory, but may know who decided on their application.
     */
    private Function<String, String> names(List<DesignationEvent> events) {
        String[] ids = events.stream().map(DesignationEvent::actor).distinct().toArray(String[]::new);
        Map<String, String> names = ids.length == 0 ? Map.of() : access.asPlatform(() -> identity.createUserQuery()
                .userIdIn(ids).list().stream().collect(Collectors.toMap(User::getId, DesignationPage::displayName)));
        return id -> Actors.SYSTEM.equals(id) ? "系统自动处理" : names.getOrDefault(id, id);
    }

    private static String displayName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }
}
