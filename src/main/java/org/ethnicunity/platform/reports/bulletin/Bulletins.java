package org.ethnicunity.platform.reports.bulletin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.registry.Level;
import org.springframework.stereotype.Component;

/** Cuts one region's bulletin from what lags (region and the regions below, as the group naming has it). */
@Component
class Bulletins {

    /** The roles in the order a bulletin lists them; tasks without a regional group wait on the unit. */
    static final Map<String, String> ROLES = orderedRoles();
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BulletinRepository repository;
    private final BulletinSettings settings;
    private final BusinessClock clock;

    Bulletins(BulletinRepository repository, BulletinSettings settings, BusinessClock clock) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    private static Map<String, String> orderedRoles() {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("unit", "申报单位");
        roles.put("prelim", "属地初审");
        roles.put("commission", "民委（创建办）");
        roles.put("assessor", "测评专家");
        roles.put("leading", "领导小组");
        roles.put("supervision", "监督检查");
        return roles;
    }

    Bulletin of(String region, List<BulletinRepository.OpenTask> allTasks) {
        OffsetDateTime now = clock.now();
        LocalDate today = now.toLocalDate();
        int max = settings.listMax();
        Map<String, int[]> byRegion = new TreeMap<>();

        List<BulletinRepository.OpenTask> tasks = allTasks.stream().filter(t -> RegionCodes.covers(region, t.regionCode())).toList();
        Map<String, int[]> byRole = new LinkedHashMap<>();
        ROLES.keySet().forEach(r -> byRole.put(r, new int[2]));
        List<Bulletin.Lag> overdue = new ArrayList<>();
        for (BulletinRepository.OpenTask task : tasks) {
            int[] counts = byRole.computeIfAbsent(task.role(), r -> new int[2]);
            counts[0]++;
            if (task.due() != null && task.due().isBefore(now)) {
                counts[1]++;
                byRegion.computeIfAbsent(task.regionCode(), r -> new int[3])[0]++;
                overdue.add(new Bulletin.Lag(task.name(), task.regionCode(), task.holder(),
                        task.due().atZoneSameInstant(clock.zone()).format(DUE),
                        ChronoUnit.DAYS.between(task.due().atZoneSameInstant(clock.zone()).toLocalDate(), today)));
            }
        }
        List<Bulletin.RoleTasks> roleTasks = byRole.entrySet().stream().filter(e -> e.getValue()[0] > 0)
                .map(e -> new Bulletin.RoleTasks(ROLES.getOrDefault(e.getKey(), e.getKey()), e.getValue()[0], e.getValue()[1]))
                .toList();
        overdue.sort(Comparator.comparingLong(Bulletin.Lag::overdueDays).reversed().thenComparing(Bulletin.Lag::task));

        List<Bulletin.ReportLag> reports = new ArrayList<>();
        Map<String, List<BulletinRepository.Submission>> byRequest = repository.submissions(region, now, today.minusDays(30))
                .stream().collect(Collectors.groupingBy(s -> s.launchTitle() + "\u0000" + s.dueDate(), LinkedHashMap::new,
                        Collectors.toList()));
        for (List<BulletinRepository.Submission> members : byRequest.values()) {
            List<String> missing = members.stream().filter(BulletinRepository.Submission::missing)
                    .map(BulletinRepository.Submission::memberName).toList();
            List<String> late = members.stream().filter(BulletinRepository.Submission::late)
                    .map(BulletinRepository.Submission::memberName).toList();
            members.stream().filter(BulletinRepository.Submission::missing)
                    .forEach(s -> byRegion.computeIfAbsent(s.regionCode(), r -> new int[3])[1]++);
            reports.add(new Bulletin.ReportLag(members.get(0).launchTitle(), members.get(0).dueDate().toString(),
                    members.size(), (int) members.stream().filter(BulletinRepository.Submission::submitted).count(),
                    missing.size(), late.size(), names(missing, max), names(late, max)));
        }

        List<Bulletin.ReviewLag> reviews = new ArrayList<>();
        Map<Integer, List<BulletinRepository.OpenReview>> byYear = repository.openReviews(region, today.getYear()).stream()
                .collect(Collectors.groupingBy(BulletinRepository.OpenReview::year, TreeMap::new, Collectors.toList()));
        byYear.forEach((year, open) -> {
            List<BulletinRepository.OpenReview> lagging = open.stream().filter(r -> "NOT_SUBMITTED".equals(r.status())
                    || r.dueDate() != null && r.dueDate().isBefore(today)).toList();
            lagging.forEach(r -> byRegion.computeIfAbsent(r.regionCode(), c -> new int[3])[2]++);
            int notSubmitted = (int) open.stream().filter(r -> "NOT_SUBMITTED".equals(r.status())).count();
            reviews.add(new Bulletin.ReviewLag(year, open.size() - notSubmitted, lagging.size() - notSubmitted, notSubmitted,
                    names(lagging.stream().map(BulletinRepository.OpenReview::unitName).toList(), max)));
        });

        List<Bulletin.Rectification> rectifications = repository.rectifications(region).stream().map(r -> {
            String state = "期限未定";
            if (r.deadline() != null) {
                long days = ChronoUnit.DAYS.between(today, LocalDate.parse(r.deadline()));
                state = days < 0 ? "已逾期 " + -days + " 天" : days == 0 ? "今天到期"
                        : days <= settings.rectificationHorizonDays() ? "剩余 " + days + " 天" : "未到期";
            }
            return new Bulletin.Rectification(r.unitName(), Level.valueOf(r.level()).label(), r.regionCode(),
                    r.deadline() == null ? "—" : r.deadline(), state);
        }).toList();

        List<Bulletin.RegionLag> regions = byRegion.entrySet().stream()
                .map(e -> new Bulletin.RegionLag(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        return new Bulletin(region, settings.period().key(today), settings.period().label(today),
                now.atZoneSameInstant(clock.zone()).format(DUE), roleTasks, overdue.subList(0, Math.min(max, overdue.size())),
                Math.max(0, overdue.size() - max), reports, reviews, rectifications, regions);
    }

    /** Up to {@code max} names, then how many more. */
    private static String names(List<String> names, int max) {
        if (names.isEmpty()) {
            return "—";
        }
        String listed = String.join("、", names.subList(0, Math.min(max, names.size())));
        return names.size() > max ? listed + " 等 " + names.size() + " 个" : listed;
    }
}
