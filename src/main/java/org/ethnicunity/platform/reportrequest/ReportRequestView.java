package org.ethnicunity.platform.reportrequest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.security.Roles;
import org.ethnicunity.platform.web.NotFound;
import org.springframework.stereotype.Component;

/**
 * The live view of one report request, for its API and its page alike: who has submitted, who has
 * not, who is late, each report. Only the requesting commission's staff (a group whose region
 * covers the launch's) and administrators see it; to anybody else a launch of another region is
 * answered exactly like an unknown one.
 */
@Component
class ReportRequestView {

    static final int PAGE_MAX = 1_000;
    private static final List<String> COMMISSION = List.of(Roles.COMMISSION);

    /** One launch as its requester sees it. */
    record Overview(long launchId, String title, String instructions, String requesterRegionCode, LocalDate dueDate,
                    OffsetDateTime asOf, ReportSubmissions.Counts counts, SubmissionStatus filter, long matching,
                    int page, int size, List<Member> members) {
    }

    /** One member's line: status, late and overdue flags, and (on the page) the report itself. */
    record Member(String memberKey, String memberType, String memberName, String regionCode, SubmissionStatus status,
                  String statusLabel, boolean late, boolean overdue, OffsetDateTime submittedAt, int submissions,
                  String reportText, String reportLink, String returnedReason, OffsetDateTime revisionDueAt,
                  String reviewedBy, OffsetDateTime reviewedAt, String reviewComment) {

        static Member of(ReportSubmissions.Row row, OffsetDateTime now, boolean withReport) {
            return new Member(row.memberKey(), row.memberType(), row.memberName(), row.regionCode(), row.status(),
                    row.status().label(), row.late(), row.overdue(now), row.submittedAt(), row.submissions(),
                    withReport ? row.reportText() : null, withReport ? row.reportLink() : null, row.returnedReason(),
                    row.revisionDueAt(), row.reviewedBy(), row.reviewedAt(), row.reviewComment());
        }
    }

    private final ReportSubmissions submissions;
    private final ApiAccess access;
    private final HistoryService history;
    private final BusinessClock clock;

    ReportRequestView(ReportSubmissions submissions, ApiAccess access, HistoryService history, BusinessClock clock) {
        this.submissions = submissions;
        this.access = access;
        this.history = history;
        this.clock = clock;
    }

    /**
     * The counts and one page of members, by region and name; {@code withReports} adds each
     * report's text (the page), the API leaves it to the member's own answer.
     */
    Overview overview(long launchId, SubmissionStatus filter, int page, int size, boolean withReports) {
        ReportSubmissions.Row any = visible(launchId);
        OffsetDateTime now = clock.now();
        int limit = Math.max(1, Math.min(size, PAGE_MAX));
        int from = Math.max(0, page);
        List<Member> members = submissions.members(launchId, filter, from * limit, limit).stream()
                .map(row -> Member.of(row, now, withReports)).toList();
        return new Overview(launchId, any.launchTitle(), instructions(any), any.requesterRegionCode(), any.dueDate(), now,
                submissions.counts(launchId, now), filter, submissions.count(launchId, filter), from, limit, members);
    }

    Member member(long launchId, String memberKey) {
        visible(launchId);
        return submissions.find(launchId, memberKey).map(row -> Member.of(row, clock.now(), true))
                .orElseThrow(() -> new NotFound("工作报送 " + launchId + " 中没有报送方「" + memberKey + "」"));
    }

    private ReportSubmissions.Row visible(long launchId) {
        return submissions.anyOf(launchId).filter(row -> access.hasRoleFor(row.requesterRegionCode(), COMMISSION))
                .orElseThrow(() -> new NotFound("找不到编号为 " + launchId + " 的工作报送"));
    }

    /**
     * The instructions are the same for every member and can run to pages: kept once per instance
     * in the engine rather than 50,000 times in the table; read from any one member's instance.
     */
    private String instructions(ReportSubmissions.Row any) {
        HistoricVariableInstance variable = access.asPlatform(() -> history.createHistoricVariableInstanceQuery()
                .processInstanceId(any.processInstanceId()).variableName(ReportRequestContract.INSTRUCTIONS.name()).singleResult());
        return variable == null || variable.getValue() == null ? null : variable.getValue().toString();
    }
}
