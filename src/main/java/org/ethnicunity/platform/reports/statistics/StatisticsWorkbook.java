package org.ethnicunity.platform.reports.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The statistics as an .xlsx workbook, one sheet per table of the page, Chinese headers, streamed. */
final class StatisticsWorkbook {

    private StatisticsWorkbook() {
    }

    static void write(Statistics s, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "民族团结进步示范单位评审平台", "1.0");
        sheet(workbook, "分级分区统计", List.of("级别", "行政区划", "单位类型", "状态", "数量"), s.counts(),
                c -> new Object[] {c.levelLabel(), c.regionCode(), c.unitTypeLabel(), c.statusLabel(), c.count()});
        sheet(workbook, "历年命名", List.of("年度", "级别", "命名数量"), s.namedPerYear(),
                y -> new Object[] {y.year(), y.levelLabel(), y.count()});
        sheet(workbook, "历年撤销", List.of("年度", "撤销命名数量"), s.revocationsPerYear(),
                y -> new Object[] {y.year(), y.count()});
        sheet(workbook, "历年整改", List.of("年度", "责令整改数量"), s.rectificationsPerYear(),
                y -> new Object[] {y.year(), y.count()});
        sheet(workbook, "年度评估等级", List.of("评估年度", "等级", "数量"), s.grades(),
                g -> new Object[] {g.year(), g.gradeLabel(), g.count()});
        Worksheet about = workbook.newWorksheet("说明");
        about.value(0, 0, "统计范围");
        about.value(0, 1, s.scope().isEmpty() ? "全部地区" : String.join("、", s.scope()) + "（含下辖地区）");
        about.value(1, 0, "生成时间");
        about.value(1, 1, s.generatedAt());
        about.finish();
        workbook.finish();
    }

    private static <T> void sheet(Workbook workbook, String name, List<String> headers, List<T> rows,
                                  Function<T, Object[]> cells) throws IOException {
        Worksheet sheet = workbook.newWorksheet(name);
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.style(0, c).bold().fillColor("EEEEEE").set();
            sheet.width(c, c == 0 || c == headers.size() - 1 ? 12 : 18);
        }
        sheet.freezePane(0, 1);
        int r = 1;
        for (T row : rows) {
            Object[] values = cells.apply(row);
            for (int c = 0; c < values.length; c++) {
                if (values[c] instanceof Number number) {
                    sheet.value(r, c, number);
                } else {
                    sheet.value(r, c, (String) values[c]);
                }
            }
            r++;
        }
        sheet.finish();
    }
}
