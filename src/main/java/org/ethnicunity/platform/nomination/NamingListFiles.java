package org.ethnicunity.platform.nomination;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The naming list (命名名单) as the printable PDF that goes with the naming document, and as an Excel
 * sheet. The PDF embeds the shipped CJK font (Noto Sans SC, OFL; the same file as the reports of
 * issue #11), so it does not depend on the fonts of the server.
 */
@Component
class NamingListFiles {

    /** What the files show: the campaign, the decision (empty while a draft), the entries. */
    record Sheet(String campaignName, String levelLabel, String documentNumber, String namingDate, boolean named,
                 String quotaText, List<NamingList.Entry> entries, List<NamingList.Entry> waiting) {
    }

    private static final String FONT = "fonts/NotoSansSC-Regular.subset.ttf";
    private static final String FAMILY = "Noto Sans SC";

    private final TemplateEngine templates;
    private final byte[] font;

    NamingListFiles(TemplateEngine templates) {
        this.templates = templates;
        try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("命名名单字体缺失 / font missing: " + FONT, e);
        }
    }

    byte[] pdf(Sheet sheet) {
        String html = templates.process("nomination/naming-list", new Context(Locale.SIMPLIFIED_CHINESE, Map.of("sheet", sheet)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> new java.io.ByteArrayInputStream(font), FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(() -> new java.io.ByteArrayInputStream(font), FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("命名名单 PDF 生成失败 / PDF rendering failed", e);
        }
        return out.toByteArray();
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
