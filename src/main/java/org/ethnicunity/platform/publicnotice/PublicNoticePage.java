package org.ethnicunity.platform.publicnotice;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.nomination.NominationSettings;
import org.ethnicunity.platform.nomination.PublicNotices;
import org.ethnicunity.platform.nomination.PublicNotices.UnitInNotice;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public notice (公示) on the web, for anyone, without a login ({@code /public/notices}, no
 * authentication filter in front): per campaign the units in notice now, with what a printed notice
 * shows, and the real-name objection form, whose objections go to the nomination's own objection
 * handling ({@link PublicNotices}). Every value is shown through {@code th:text} (escaped) and the
 * pages allow no script at all (Content-Security-Policy).
 */
@Controller
@RequestMapping("/public/notices")
class PublicNoticePage {

    private static final Logger log = LoggerFactory.getLogger(PublicNoticePage.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    /** One line of the notice, as shown. */
    record NoticeRow(long designationId, String unitName, String unitTypeLabel, String regionCode, String levelLabel,
                     String start, String end) {
    }

    /** A campaign with units in notice, for the index. */
    record CampaignRow(String code, String name, long units) {
    }

    private final PublicNotices notices;
    private final CampaignRepository campaigns;
    private final NominationSettings nomination;
    private final PublicNoticeSettings settings;
    private final ObjectionRateLimit rateLimit;
    private final BusinessClock clock;

    PublicNoticePage(PublicNotices notices, CampaignRepository campaigns, NominationSettings nomination,
                     PublicNoticeSettings settings, ObjectionRateLimit rateLimit, BusinessClock clock) {
        this.notices = notices;
        this.campaigns = campaigns;
        this.nomination = nomination;
        this.settings = settings;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    @ModelAttribute
    void headers(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @GetMapping
    String index(Model model) {
        Map<String, CampaignRow> rows = new LinkedHashMap<>();
        for (UnitInNotice unit : notices.inNotice()) {
            rows.merge(unit.campaignCode(), new CampaignRow(unit.campaignCode(), unit.campaignName(), 1),
                    (a, b) -> new CampaignRow(a.code(), a.name(), a.units() + 1));
        }
        model.addAttribute("campaigns", List.copyOf(rows.values()));
        return "publicnotice/index";
    }

    @GetMapping("/{campaignCode}")
    String campaign(@PathVariable String campaignCode, Model model) {
        return campaignPage(campaign(campaignCode), ObjectionForm.empty(), List.of(), model);
    }

    @PostMapping("/{campaignCode}/objections")
    ModelAndView object(@PathVariable String campaignCode, ObjectionForm form, HttpServletRequest request,
                        Model model) {
        // Larger requests, chunked ones too, never get here: ObjectionBodyLimit (413).
        Optional<Duration> wait = rateLimit.tryAcquire(request.getRemoteAddr());
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            return message(HttpStatus.TOO_MANY_REQUESTS, "提交过于频繁",
                    "同一网络地址提交异议过于频繁，请约" + minutes + "分钟后再试。如情况紧急，请直接与民委联系。");
        }
        Campaign campaign = campaign(campaignCode);
        List<String> problems = form.problems(settings.maxContentLength());
        if (problems.isEmpty()) {
            try {
                String receipt = notices.object(campaign.code(), form.designation(), form.objection());
                log.info("Objection {} filed on the public notice page for designation {}", receipt, form.designationId());
                ModelAndView page = new ModelAndView("publicnotice/receipt");
                page.addObject("receipt", receipt);
                page.addObject("campaign", campaign);
                page.addObject("email", form.objectorEmail());
                return page;
            } catch (RuleViolation refused) {
                problems = List.of(refused.getMessage());
            }
        }
        String view = campaignPage(campaign, form, problems, model);
        ModelAndView page = new ModelAndView(view, model.asMap(), HttpStatus.BAD_REQUEST);
        return page;
    }

    private String campaignPage(Campaign campaign, ObjectionForm form, List<String> problems, Model model) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("units", notices.inNotice(campaign.code()).stream().map(this::row).toList());
        model.addAttribute("workingDays", nomination.publicNoticeWorkingDays());
        model.addAttribute("maxContentLength", settings.maxContentLength());
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        return "publicnotice/campaign";
    }

    private Campaign campaign(String code) {
        return campaigns.findByCode(code).orElseThrow(() -> new NotFound("找不到评选批次「" + code + "」，请核对公示链接"));
    }

    private NoticeRow row(UnitInNotice unit) {
        return new NoticeRow(unit.designationId(), unit.unitName(), unit.unitTypeLabel(), unit.regionCode(),
                unit.levelLabel(), when(unit.noticeStart()), when(unit.noticeEnd()));
    }

    private String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(clock.zone()));
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e) {
        return message(HttpStatus.NOT_FOUND, "找不到该公示", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("Unexpected failure on the public notice page", e);
        return message(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", "页面暂时无法显示，已记录日志，请稍后重试。");
    }

    private static ModelAndView message(HttpStatus status, String title, String message) {
        ModelAndView page = new ModelAndView("publicnotice/message", status);
        page.addObject("title", title);
        page.addObject("message", message);
        return page;
    }
}
