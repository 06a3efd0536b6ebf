package org.ethnicunity.platform.registry.excel;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.HttpHeaders;

/**
 * Writes .xlsx workbooks row by row (FastExcel): a header row of Chinese column names, dates as
 * Excel dates, and every few thousand rows flushed to the output, so an export of any size needs
 * the memory of one block of rows, not of the whole sheet. Text goes in as inline strings: a shared
 * string table would hold every distinct unit name in memory until the end.
 */
public final class XlsxExport {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int FLUSH_EVERY = 1_000;
    private static final String DATE = "yyyy-mm-dd";
    private static final String DATE_TIME = "yyyy-mm-dd hh:mm";

    /** One column: its Chinese header, its width in characters, and its value of a row (null: empty). */
    public record Column<T>(String header, double width, Function<T, ?> value) {
    }

    public static <T> Column<T> column(String header, double width, Function<T, ?> value) {
        return new Column<>(header, width, value);
    }

    private final Workbook workbook;
    private final ZoneId zone;

    private XlsxExport(OutputStream out, ZoneId zone) {
        this.workbook = new Workbook(out, "民族团结进步示范单位评审平台", "1.0");
        this.zone = zone;
    }

    /**
     * A workbook written to {@code out}; add sheets, then {@link #finish()}. Instants
     * ({@link OffsetDateTime}) are written as the date and time of {@code zone} (the business zone).
     */
    public static XlsxExport open(OutputStream out, ZoneId zone) {
        return new XlsxExport(out, zone);
    }

    /** One sheet of the given columns; {@code rows} pushes the rows, in order, into the consumer it is given. */
    public static <T> void write(OutputStream out, ZoneId zone, String sheetName, List<Column<T>> columns,
                                 Consumer<Consumer<T>> rows) {
        XlsxExport book = open(out, zone);
        book.sheet(sheetName, columns, rows);
        book.finish();
    }

    /** Sets the answer's type and a download name (Chinese, with an ASCII fallback) before the body is written. */
    public static void prepare(HttpServletResponse response, String fileName) {
        response.setContentType(CONTENT_TYPE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"export.xlsx\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    public <T> XlsxExport sheet(String name, List<Column<T>> columns, Consumer<Consumer<T>> rows) {
        Worksheet sheet = workbook.newWorksheet(name);
        for (int c = 0; c < columns.size(); c++) {
            sheet.width(c, columns.get(c).width());
            sheet.value(0, c, columns.get(c).header());
            sheet.style(0, c).bold().fillColor("E7E6E6").set();
        }
        sheet.freezePane(0, 1);
        int[] row = {0};
        rows.accept(item -> {
            int r = ++row[0];
            for (int c = 0; c < columns.size(); c++) {
                cell(sheet, r, c, columns.get(c).value().apply(item));
            }
            if (r % FLUSH_EVERY == 0) {
                flush(sheet);
            }
        });
        if (row[0] > 0) {
            sheet.setAutoFilter(0, 0, row[0], columns.size() - 1);
        }
        try {
            sheet.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public void finish() {
        try {
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void cell(Worksheet sheet, int r, int c, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof OffsetDateTime instant) {
            value = instant.atZoneSameInstant(zone).toLocalDateTime();
        }
        if (value instanceof LocalDate date) {
            sheet.value(r, c, date);
            sheet.style(r, c).format(DATE).set();
        } else if (value instanceof LocalDateTime time) {
            sheet.value(r, c, time);
            sheet.style(r, c).format(DATE_TIME).set();
        } else if (value instanceof Number number) {
            sheet.value(r, c, number);
        } else if (value instanceof Boolean flag) {
            sheet.inlineString(r, c, flag ? "是" : "否");
        } else {
            sheet.inlineString(r, c, value.toString());
        }
    }

    private static void flush(Worksheet sheet) {
        try {
            sheet.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
