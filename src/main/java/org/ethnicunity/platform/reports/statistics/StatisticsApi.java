package org.ethnicunity.platform.reports.statistics;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/statistics} (JSON) and {@code /api/statistics.xlsx} for integrators (HTTP Basic):
 * the figures of the caller's regions, or of one of them ({@code regionCode}).
 */
@RestController
class StatisticsApi {

    private final StatisticsService statistics;

    StatisticsApi(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/statistics")
    Statistics statistics(@RequestParam(required = false) String regionCode) {
        return statistics.forCaller(regionCode);
    }

    @GetMapping("/api/statistics.xlsx")
    ResponseEntity<byte[]> workbook(@RequestParam(required = false) String regionCode) {
        return StatisticsPage.workbook(statistics.forCaller(regionCode));
    }
}
