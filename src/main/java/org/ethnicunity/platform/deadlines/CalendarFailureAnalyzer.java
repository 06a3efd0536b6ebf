package org.ethnicunity.platform.deadlines;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused calendar file as Spring Boot's short start-up report, naming the file and line, not a stack trace. */
public class CalendarFailureAnalyzer extends AbstractFailureAnalyzer<WorkingDayCalendar.CalendarDataException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WorkingDayCalendar.CalendarDataException cause) {
        return new FailureAnalysis("工作日历文件有误 / bad working-day calendar file: " + cause.getMessage(),
                "请按国务院办公厅通知改正 app.calendar.location 下的 cn-YYYY.txt（每行「日期 holiday|workday 说明」），"
                        + "见 docs/operations.md。 / Correct the cn-YYYY.txt file named above (one 'date holiday|workday note' a line).",
                cause);
    }
}
