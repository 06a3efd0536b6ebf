package org.ethnicunity.platform.nomination;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.ethnicunity.platform.reports.PdfDocuments;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The naming list (命名名单) as the printable PDF that goes with the naming document, and as an Excel
 * sheet. The PDF is rendered by the reports' {@link PdfDocuments} (the shipped CJK font embedded,
 * the renderer's logging tamed), so it does not depend on the fonts of the server.
 */
@Component
class NamingListFiles {

    /** What the files show: the campaign, the decision (empty while a draft), the entries. */
    record Sheet(String campaignName, String levelLabel, String documentNumber, String namingDate, boolean named,
                 String quotaText, List<NamingList.Entry> entries, List<NamingList.Entry> waiting) {
    }

    private final TemplateEngine templates;
    private final PdfDocuments pdfs;

    NamingListFiles(TemplateEngine templates, PdfDocuments pdfs) {
        this.templates = templates;
        this.pdfs = pdfs;
    }

    byte[] pdf(Sheet sheet) {
        return pdfs.fromXhtml(templates.process("nomination/naming-list",
                new Context(Locale.SIMPLIFIED_CHINESE, Map.of("sheet", sheet))));
    }

    byte[] xlsx(Sheet sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "demonstration-units", "1.0")) {
            Worksheet ws = workbook.newWorksheet("命名名单");
            ws.value(0, 0, sheet.campaignName() + (sheet.named() ? "" : "（草稿，尚未命名）"));
            ws.value(1, 0, "命名文号");
            ws.value(1, 1, sheet.documentNumber() == null ? "" : sheet.documentNumber());
            ws.value(1, 2, "命名日期");
            ws.value(1, 3, sheet.namingDate() == null ? "" : sheet.namingDate());
            ws.value(2, 0, sheet.quotaText());
            String[] header = {"序号", "单位名称", "单位类型", "行政区划代码", "级别", "实地测评得分", "测评等级", "命名记录编号"};
            for (int c = 0; c < header.length; c++) {
                ws.value(4, c, header[c]);
                ws.style(4, c).bold().set();
            }
            int row = 5;
            for (NamingList.Entry e : sheet.entries()) {
                ws.value(row, 0, row - 4);
                ws.value(row, 1, e.unitName());
                ws.value(row, 2, e.unitTypeLabel());
                ws.value(row, 3, e.regionCode());
                ws.value(row, 4, sheet.levelLabel());
                if (e.siteTotal() != null) {
                    ws.value(row, 5, e.siteTotal());
                }
                ws.value(row, 6, e.siteGrade());
                ws.value(row, 7, e.designationId());
                row++;
            }
            ws.width(1, 36);
            ws.width(2, 16);
            ws.width(3, 14);
            if (!sheet.waiting().isEmpty()) {
                Worksheet waiting = workbook.newWorksheet("暂不命名");
                waiting.value(0, 0, "单位名称");
                waiting.value(0, 1, "行政区划代码");
                waiting.value(0, 2, "原因");
                int r = 1;
                for (NamingList.Entry e : sheet.waiting()) {
                    waiting.value(r, 0, e.unitName());
                    waiting.value(r, 1, e.regionCode());
                    waiting.value(r, 2, e.why());
                    r++;
                }
                waiting.width(0, 36);
                waiting.width(2, 50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("命名名单 Excel 生成失败 / xlsx writing failed", e);
        }
        return out.toByteArray();
    }
}
