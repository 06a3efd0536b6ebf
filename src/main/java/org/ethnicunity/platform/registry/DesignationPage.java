package org.ethnicunity.platform.registry;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.registry.web.Times;
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
    private final DesignationRecords records;
    private final TaskService tasks;

    /** One open task of the designation's processes, linked to Tasklist. */
    record OpenTask(String name, String assignee, String due, String link) {
    }

    /** A process instance of the designation, linked to Cockpit for administrators. */
    record Instance(String id, String cockpitLink) {
    }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    DesignationPage(DesignationRepository designations, UnitRepository units, CampaignRepository campaigns,
                    UnitVisibility visibility, ApiAccess access, IdentityService identity, WebappLogin login,
                    BusinessClock clock, DesignationRecords records, TaskService tasks) {
        super(login, identity, "命名记录", "找不到该命名记录");
        this.designations = designations;
        this.units = units;
        this.campaigns = campaigns;
        this.visibility = visibility;
        this.access = access;
        this.clock = clock;
        this.records = records;
        this.tasks = tasks;
    }

    @GetMapping("/{id}")
    String designation(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return loginForm.get();
        }
        // A title the caller may not see is answered like a missing one: its existence is not confirmed.
        NotFound missing = new NotFound("找不到编号为 " + id + " 的命名记录");
        Designation designation = designations.find(id).orElseThrow(() -> missing);
        Unit unit = units.find(designation.unitId()).filter(visibility::canSee).orElseThrow(() -> missing);
        String campaign = designation.campaignId() == null ? null
                : campaigns.find(designation.campaignId()).map(Campaign::name).orElse(null);
        List<DesignationEvent> events = designations.events(id);
        model.addAttribute("sheet", DesignationSheet.of(designation, unit, campaign, events, clock.zone(), names(events)));
        List<DesignationRecords.AnnualReview> reviews = records.annualReviews(id);
        List<DesignationRecords.Procedure> procedures = records.procedures(id);
        model.addAttribute("assessments", records.assessments(id));
        model.addAttribute("reviews", reviews);
        model.addAttribute("procedures", procedures);
        model.addAttribute("times", new Times(clock.zone()));
        model.addAttribute("dossier", "/registry/designations/" + id + "/dossier.pdf");
        Set<String> instances = new LinkedHashSet<>();
        if (designation.processInstanceId() != null) {
            instances.add(designation.processInstanceId());
        }
        events.stream().map(DesignationEvent::processInstanceId).filter(Objects::nonNull).forEach(instances::add);
        procedures.forEach(p -> instances.add(p.processInstanceId()));
        reviews.forEach(r -> instances.add(r.processInstanceId()));
        model.addAttribute("openTasks", openTasks(instances));
        model.addAttribute("instances", access.isAdmin() ? instances.stream().map(pid -> new Instance(pid,
                login.tasklistPath().replace("/app/tasklist/", "/app/cockpit/") + "#/process-instance/" + pid)).toList()
                : List.of());
        return "registry/designation";
    }

    /**
     * The open tasks of the designation's process instances, each linked to Tasklist (which shows
     * it to those who may work on it). Read as the platform: the person sees that work is waiting
     * and where, whatever their own task permissions.
     */
    private List<OpenTask> openTasks(Set<String> instances) {
        if (instances.isEmpty()) {
            return List.of();
        }
        return access.asPlatform(() -> tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new))
                .orderByTaskCreateTime().asc().list()).stream()
                .map(t -> new OpenTask(t.getName(), t.getAssignee(), t.getDueDate() == null ? "—"
                        : MINUTE.format(t.getDueDate().toInstant().atZone(clock.zone())),
                        login.tasklistPath() + "#/?task=" + t.getId()))
                .toList();
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
