package org.ethnicunity.platform.registry.excel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.ethnicunity.platform.engine.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * What every .xlsx import of the registry shares (units, the national named list): the file judged
 * by its content (an old .xls or anything else refused whole), the size, unpacked size ({@link
 * PackedWorkbook}, before the workbook is read), row and cell limits ({@link ImportSettings}), the template's sheet and header, formulas refused by cell, and the
 * outcome of a mode: only check, import only if every row is good, or import the good rows.
 */
@Component
class XlsxImport {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(XlsxImport.class);

    enum Mode { CHECK, ALL, GOOD }

    /** One problem: the row as Excel numbers it (header is row 1), the column's header, what is wrong. */
    record Problem(int row, String column, String message) {
    }

    /** A non-empty data row: its Excel row number and the text of each template column. */
    record Line(int row, String[] values) {

        String get(int column) {
            return values[column];
        }
    }

    /**
     * What became of a file: rows read, good rows, problems, what was imported (nothing unless every row
     * was good, or the good rows were asked for) and the rows skipped for their problems.
     */
    record Result<T>(String mode, int rows, int good, List<Problem> problems, List<T> imported, List<Integer> skipped,
                     String message) {

        boolean refused() {
            return mode.equals(Mode.ALL.name()) && !problems.isEmpty();
        }
    }

    /** A template: its sheet, its header, the columns read as dates (an Excel date cell is a number). */
    record Template(String sheet, List<String> header, Set<Integer> dateColumns) {
    }

    private final ImportSettings settings;

    XlsxImport(ImportSettings settings) {
        this.settings = settings;
    }

    static Mode mode(String mode) {
        try {
            return Mode.valueOf(mode.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("mode", "参数 mode 须为 CHECK（只检查）、ALL（全部无误才导入）或 GOOD（只导入无误的行）：" + mode);
        }
    }

    /** Reads at most the limit (plus one byte, to know it was exceeded) from an upload. */
    byte[] read(InputStream in) throws IOException {
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, settings.maxSize().toBytes()) + 1);
        requireSize(content);
        return content;
    }

    void requireSize(byte[] content) {
        if (content.length > settings.maxSize().toBytes()) {
            throw new RuleViolation("file.tooLarge", "文件超过导入上限 " + describe(settings.maxSize().toBytes())
                    + "，请分成几个文件导入");
        }
    }

    /** The non-empty rows of the template's sheet; formulas go to {@code problems}; a problem of the whole file is thrown. */
    List<Line> lines(byte[] content, Template template, List<Problem> problems) {
        requireSize(content);
        if (content.length >= 8 && ReadableWorkbook.isOLE2Header(Arrays.copyOf(content, 8))) {
            throw new RuleViolation("file.format", "这是旧版 Excel（.xls）文件，请在 Excel 中「另存为」Excel 工作簿（.xlsx）后再导入");
        }
        if (content.length < 4 || !ReadableWorkbook.isOOXMLZipHeader(Arrays.copyOf(content, 4))) {
            throw notAWorkbook();
        }
        PackedWorkbook.requireBounded(content, settings);
        List<String> header = template.header();
        List<Line> lines = new ArrayList<>();
        int cells = 0;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.findSheet(template.sheet()).orElseThrow(() -> new RuleViolation("file.sheet",
                    "工作簿中没有名为「" + template.sheet() + "」的工作表，请使用导入模板（工作表名「" + template.sheet() + "」）"));
            try (Stream<Row> stream = sheet.openStream()) {
                var iterator = stream.iterator();
                if (!iterator.hasNext()) {
                    throw wrongHeader(template, List.of());
                }
                Row first = iterator.next();
                List<String> names = new ArrayList<>();
                for (int c = 0; c < Math.max(first.getCellCount(), header.size()); c++) {
                    names.add(text(first, c, false));
                }
                while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
                    names.remove(names.size() - 1);
                }
                if (first.getRowNum() != 1 || !names.equals(header)) {
                    throw wrongHeader(template, names);
                }
                while (iterator.hasNext()) {
                    Row row = iterator.next();
                    cells += row.getCellCount();
                    if (cells > settings.maxCells()) {
                        throw new RuleViolation("file.tooManyCells", "文件超过导入上限 " + settings.maxCells()
                                + " 个单元格，请删除模板以外的行和列，或分成几个文件导入");
                    }
                    for (int c = 0; c < row.getCellCount(); c++) {
                        Cell cell = row.getCell(c);
                        if (cell != null && cell.getFormula() != null) {
                            problems.add(new Problem(row.getRowNum(), c < header.size() ? header.get(c) : column(c),
                                    "单元格含公式（" + cell.getFormula() + "），不接受公式：请复制后「选择性粘贴为数值」"));
                        }
                    }
                    String[] values = new String[header.size()];
                    boolean empty = true;
                    for (int c = 0; c < header.size(); c++) {
                        values[c] = text(row, c, template.dateColumns().contains(c));
                        empty &= values[c].isEmpty();
                    }
                    if (empty) {
                        continue;
                    }
                    if (lines.size() == settings.maxRows()) {
                        throw new RuleViolation("file.tooManyRows", "文件超过导入上限 " + settings.maxRows()
                                + " 行，请分成几个文件导入");
                    }
                    lines.add(new Line(row.getRowNum(), values));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuleViolation violation) {
                throw violation;
            }
            // Broken zip or XML inside: the person gets the Chinese refusal, the log keeps what the reader said.
            log.info("Import of sheet {}: unreadable workbook ({})", template.sheet(), e.toString());
            throw notAWorkbook();
        }
        return lines;
    }

    /**
     * The outcome of a checked file: in CHECK mode, or ALL with a problem, or nothing good, nothing is
     * imported; otherwise {@code importer} records the good rows (in one transaction of its own: it
     * throws to keep nothing) and the message counts them as {@code what} (单位, 全国称号).
     */
    static <G, T> Result<T> outcome(Mode mode, List<G> good, List<Problem> problems, Function<List<G>, List<T>> importer,
                                    String what) {
        problems.sort(Comparator.comparingInt(Problem::row));
        Set<Integer> bad = new HashSet<>();
        problems.forEach(p -> bad.add(p.row()));
        int rows = good.size() + bad.size();
        List<Integer> skipped = bad.stream().sorted().toList();
        if (mode == Mode.CHECK || mode == Mode.ALL && !problems.isEmpty() || good.isEmpty()) {
            String message = problems.isEmpty() ? (mode == Mode.CHECK ? "检查完毕：" + rows + " 行全部无误，尚未导入" : "文件中没有" + what)
                    : "检查发现 " + problems.size() + " 处问题（" + bad.size() + " 行），" + (mode == Mode.CHECK ? "尚未导入"
                    : mode == Mode.ALL ? "未导入任何" + what + "。请修改后重新导入，或选择「只导入无误的行」" : "没有可导入的行");
            return new Result<>(mode.name(), rows, good.size(), List.copyOf(problems), List.of(),
                    mode == Mode.GOOD ? skipped : List.of(), message);
        }
        List<T> imported = importer.apply(good);
        String message = "已导入 " + imported.size() + " 个" + what + (skipped.isEmpty() ? ""
                : "；跳过有问题的 " + skipped.size() + " 行：第 " + String.join("、", skipped.stream().map(String::valueOf).toList()) + " 行");
        return new Result<>(mode.name(), rows, good.size(), List.copyOf(problems), imported, skipped, message);
    }

    /** Whether a row already has a problem (a row with any problem is never imported). */
    static boolean hasProblem(List<Problem> problems, int row) {
        return problems.stream().anyMatch(p -> p.row() == row);
    }

    private static String text(Row row, int c, boolean date) {
        Cell cell = c < row.getCellCount() ? row.getCell(c) : null;
        if (cell == null) {
            return "";
        }
        if (date && cell.getType() == CellType.NUMBER) {
            // Excel keeps a date as a day number; the reader turns it back into the date it shows.
            return cell.asDate().toLocalDate().toString();
        }
        String text = Optional.ofNullable(cell.getText()).orElse("").trim();
        // A region code typed as a number may come back as 150525.0.
        return text.matches("\\d+\\.0+") ? text.substring(0, text.indexOf('.')) : text;
    }

    private static String column(int c) {
        return String.valueOf((char) ('A' + Math.min(c, 25)));
    }

    private static RuleViolation notAWorkbook() {
        return new RuleViolation("file.format", "文件不是 Excel 工作簿（.xlsx），无法读取。请使用导入模板，在 Excel 或 WPS 中保存为 .xlsx 后再导入");
    }

    private static RuleViolation wrongHeader(Template template, List<String> found) {
        return new RuleViolation("file.header", "工作表「" + template.sheet() + "」第 1 行须为表头："
                + String.join("、", template.header()) + (found.isEmpty() ? "（未找到表头）" : "；实际为：" + String.join("、", found)));
    }

    private static String describe(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : (bytes / 1024) + " KB";
    }
}
