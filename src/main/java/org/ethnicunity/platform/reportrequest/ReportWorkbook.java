package org.ethnicunity.platform.reportrequest;

import static org.ethnicunity.platform.registry.excel.XlsxExport.column;

import java.io.OutputStream;
import java.util.List;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.registry.excel.XlsxExport;
import org.springframework.stereotype.Component;

/**
 * The received reports of one report request as one workbook, for the requesting commission (the
 * same people as its live view): a sheet 汇总 with the request and its counts, a sheet 报送情况 with
 * one row per member — status, late, when and by whom, the report's text and link, the review.
 */
@Component
class ReportWorkbook {

    /** A label and its value, for the summary sheet. */
    record Line(String label, Object value) {
    }

    private static final List<XlsxExport.Column<Line>> SUMMARY = List.of(column("项目", 16, Line::label),
            column("内容", 60, Line::value));

    private static final List<XlsxExport.Column<ReportSubmissions.Row>> MEMBERS = List.of(
            column("报送方", 32, ReportSubmissions.Row::memberName),
            column("类型", 8, r -> MemberType.label(r.memberType())),
            column("行政区划代码", 12, ReportSubmissions.Row::regionCode),
            column("状态", 14, r -> r.status().label()),
            column("逾期报送", 8, ReportSubmissions.Row::late),
            column("首次报送时间", 17, ReportSubmissions.Row::firstSubmittedAt),
            column("最近报送时间", 17, ReportSubmissions.Row::submittedAt),
            column("报送次数", 8, ReportSubmissions.Row::submissions),
            column("报送人", 12, ReportSubmissions.Row::submittedBy),
            column("报告内容", 80, ReportSubmissions.Row::reportText),
            column("报告链接或存放位置", 30, ReportSubmissions.Row::reportLink),
            column("退回理由", 30, ReportSubmissions.Row::returnedReason),
            column("审阅人", 12, ReportSubmissions.Row::reviewedBy),
            column("审阅时间", 17, ReportSubmissions.Row::reviewedAt),
            column("审阅意见", 30, ReportSubmissions.Row::reviewComment));

    private final ReportRequestView view;
    private final ReportSubmissions submissions;
    private final BusinessClock clock;

    ReportWorkbook(ReportRequestView view, ReportSubmissions submissions, BusinessClock clock) {
        this.view = view;
        this.submissions = submissions;
        this.clock = clock;
    }

    /** The overview checks who may see the request (another region's is a NotFound) before anything is written. */
    ReportRequestView.Overview check(long launchId) {
        return view.overview(launchId, null, 0, 1, false);
    }

    String fileName(ReportRequestView.Overview overview) {
        return "工作报送-" + overview.title().replaceAll("[\\\\/:*?\"<>|]", "_") + "-" + clock.today() + ".xlsx";
    }

    void write(ReportRequestView.Overview o, OutputStream out) {
        ReportSubmissions.Counts c = o.counts();
        List<Line> summary = List.of(new Line("工作报送", o.title()), new Line("编号", o.launchId()),
                new Line("发起民委（行政区划）", o.requesterRegionCode()), new Line("报送截止", o.dueDate()),
                new Line("统计时间", o.asOf()), new Line("报送要求", o.instructions()), new Line("应报送", c.requested()),
                new Line("已报送", c.submitted()), new Line("其中逾期报送", c.late()), new Line("未报送", c.notSubmitted()),
                new Line("逾期未报", c.overdueNotSubmitted()), new Line("待审阅", c.awaitingReview()),
                new Line("退回修改", c.returned()), new Line("已采用", c.accepted()), new Line("已终止", c.ended()));
        XlsxExport.open(out, clock.zone())
                .sheet("汇总", SUMMARY, sink -> summary.forEach(sink))
                .sheet("报送情况", MEMBERS, sink -> submissions.forEach(o.launchId(), sink))
                .finish();
    }
}
