package org.ethnicunity.platform.reports.statistics;

import org.springframework.stereotype.Service;

/** The caller's statistics: their scope ({@link StatisticsScope}), counted ({@link StatisticsRepository}). */
@Service
public class StatisticsService {

    private final StatisticsScope scope;
    private final StatisticsRepository repository;

    StatisticsService(StatisticsScope scope, StatisticsRepository repository) {
        this.scope = scope;
        this.repository = repository;
    }

    /** @param regionCode one region of the caller's (with the regions below), or null for all of theirs */
    public Statistics forCaller(String regionCode) {
        return repository.count(scope.of(regionCode));
    }
}
