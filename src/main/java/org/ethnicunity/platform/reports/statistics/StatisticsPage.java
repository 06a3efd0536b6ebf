package org.ethnicunity.platform.reports.statistics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.camunda.bpm.engine.IdentityService;
import org.ethnicunity.platform.web.PersonPage;
import org.ethnicunity.platform.web.WebappLogin;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /registry/statistics}: the figures of the person's regions with charts (Apache ECharts,
 * served by the application from its webjar: no CDN), each downloadable as an image, and the same
 * figures as Excel at {@code /registry/statistics.xlsx}; logged in as in Tasklist.
 */
@Controller
class StatisticsPage extends PersonPage {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final StatisticsService statistics;
    private final ObjectMapper json;
    private final String echarts;

    StatisticsPage(StatisticsService statistics, ObjectMapper json, WebappLogin login, IdentityService identity)
            throws IOException {
        super(login, identity, "统计", "找不到该统计");
        this.statistics = statistics;
        this.json = json;
        this.echarts = "/webjars/echarts/" + echartsVersion() + "/echarts.min.js";
    }

    @GetMapping("/registry/statistics")
    String page(@RequestParam(required = false) String regionCode, HttpServletRequest request,
                HttpServletResponse response, Model model) throws JsonProcessingException {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return loginForm.get();
        }
        Statistics figures = statistics.forCaller(regionCode);
        model.addAttribute("s", figures);
        model.addAttribute("figures", json.writeValueAsString(figures));
        model.addAttribute("scopeLabel", figures.scope().isEmpty() ? "全部地区"
                : String.join("、", figures.scope()) + "（含下辖地区）");
        model.addAttribute("regionCode", regionCode);
        model.addAttribute("echarts", echarts);
        return "reports/statistics";
    }

    @GetMapping("/registry/statistics.xlsx")
    Object workbook(@RequestParam(required = false) String regionCode, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return new ModelAndView(loginForm.get(), model.asMap());
        }
        return workbook(statistics.forCaller(regionCode));
    }

    /** The figures are a few hundred rows at most: written in memory, so a failure is still a proper answer. */
    static ResponseEntity<byte[]> workbook(Statistics figures) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            StatisticsWorkbook.write(figures, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String name = "示范单位统计-" + (figures.scope().isEmpty() ? "全部地区" : String.join("_", figures.scope())) + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out.toByteArray());
    }

    /** The webjar's version, so that upgrading the dependency needs no change here. */
    private static String echartsVersion() throws IOException {
        Properties pom = new Properties();
        try (InputStream in = new ClassPathResource("META-INF/maven/org.webjars/echarts/pom.properties").getInputStream()) {
            pom.load(in);
        }
        return pom.getProperty("version");
    }
}
