package org.ethnicunity.platform.deadlines;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads the working-day calendar at start from {@code app.calendar.location} (default: the files
 * shipped in the jar; a {@code file:} directory makes it editable without a rebuild).
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    WorkingDayCalendar workingDayCalendar(CalendarSettings settings) throws IOException {
        return load(settings.location());
    }

    static WorkingDayCalendar load(String location) throws IOException {
        WorkingDayCalendar calendar = read(location, new PathMatchingResourcePatternResolver());
        log.info("Working-day calendar loaded from {} for the years {}", location, calendar.years());
        if (!calendar.provisionalYears().isEmpty()) {
            log.warn("工作日历 {} 年为临时数据（只含法定节假日，无调休），请按国务院办公厅正式通知替换 cn-YYYY.txt",
                    calendar.provisionalYears());
        }
        return calendar;
    }

    /** Reads and checks the calendar's files, refusing a bad one with its file and line named; logs nothing. */
    static WorkingDayCalendar read(String location, PathMatchingResourcePatternResolver resolver) throws IOException {
        String base = location.endsWith("/") ? location : location + "/";
        Resource[] files = resolver.getResources(base + "cn-*.txt");
        if (files.length == 0) {
            throw new WorkingDayCalendar.CalendarDataException("在 " + base + " 找不到工作日历文件 cn-YYYY.txt");
        }
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        List<WorkingDayCalendar.Source> sources = new ArrayList<>();
        for (Resource file : files) {
            sources.add(new WorkingDayCalendar.Source(file.getFilename(), file.getInputStream()));
        }
        return WorkingDayCalendar.read(sources);
    }
}
