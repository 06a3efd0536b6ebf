package org.ethnicunity.platform.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.RuleViolation;
import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.security.Roles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import of units (name, type, region, contact) from an .xlsx workbook made from the template: the
 * whole file is checked first, every problem reported by row and column; nothing is imported unless
 * every row is good, or, when asked explicitly, the good rows are imported and the others listed as
 * skipped. Refused whole: a file that is not an .xlsx workbook (judged by its content, not its
 * name), without the sheet 单位 or with another header, larger than the limit ({@link ImportSettings}).
 * Each row must be of a region the caller's commission covers, like {@code POST /api/units}.
 */
@Service
class UnitImport {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UnitImport.class);
    static final String SHEET = "单位";
    static final List<String> HEADER = List.of("单位名称", "单位类型", "行政区划代码", "联系人账号", "联系人姓名", "联系人邮箱");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final List<String> COMMISSION = List.of(Roles.COMMISSION);

    enum Mode { CHECK, ALL, GOOD }

    /** One problem: the row as Excel numbers it (header is row 1), the column's header, what is wrong. */
    record Problem(int row, String column, String message) {
    }

    /** A row that passed every check, with its row number. */
    record Good(int row, Unit unit) {
    }

    /**
     * What became of a file: rows read, good rows, problems, the units imported (none unless every row
     * was good, or the good rows were asked for) and the rows skipped for their problems.
     */
    record Result(String mode, int rows, int good, List<Problem> problems, List<Unit> imported, List<Integer> skipped,
                  String message) {

        boolean refused() {
            return mode.equals(Mode.ALL.name()) && !problems.isEmpty();
        }
    }

    private final UnitRepository units;
    private final ImportSettings settings;
    private final ApiAccess access;
    private final IdentityService identity;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    UnitImport(UnitRepository units, ImportSettings settings, ApiAccess access, IdentityService identity, JdbcClient jdbc,
               PlatformTransactionManager transactions) {
        this.units = units;
        this.settings = settings;
        this.access = access;
        this.identity = identity;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Reads at most the limit (plus one byte, to know it was exceeded) from an upload. */
    byte[] read(InputStream in) throws IOException {
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, settings.maxSize().toBytes()) + 1);
        if (content.length > settings.maxSize().toBytes()) {
            throw tooLarge();
        }
        return content;
    }

    RuleViolation tooLarge() {
        return new RuleViolation("file.tooLarge", "文件超过导入上限 " + describe(settings.maxSize().toBytes())
                + "，请分成几个文件导入");
    }

    Result run(byte[] content, Mode mode) {
        requireCommission();
        if (content.length > settings.maxSize().toBytes()) {
            throw tooLarge();
        }
        List<Problem> problems = new ArrayList<>();
        List<Good> good = check(content, problems);
        Set<Integer> bad = new HashSet<>();
        problems.forEach(p -> bad.add(p.row()));
        int rows = good.size() + bad.size();
        List<Integer> skipped = bad.stream().sorted().toList();
        if (mode == Mode.CHECK || mode == Mode.ALL && !problems.isEmpty() || good.isEmpty()) {
            String message = problems.isEmpty() ? (mode == Mode.CHECK ? "检查完毕：" + rows + " 行全部无误，尚未导入" : "文件中没有单位")
                    : "检查发现 " + problems.size() + " 处问题（" + bad.size() + " 行），" + (mode == Mode.CHECK ? "尚未导入"
                    : mode == Mode.ALL ? "未导入任何单位。请修改后重新导入，或选择「只导入无误的行」" : "没有可导入的行");
            return new Result(mode.name(), rows, good.size(), problems, List.of(), mode == Mode.GOOD ? skipped : List.of(), message);
        }
        List<Unit> imported = transaction.execute(status -> {
            try {
                return good.stream().map(g -> units.insert(g.unit())).toList();
            } catch (DuplicateKeyException e) {
                // Another import or POST /api/units registered the same unit since the check: nothing is kept.
                throw new RuleViolation("name", "导入期间该地区已有同名单位被登记，本次未导入任何单位，请重新导入");
            }
        });
        String message = "已导入 " + imported.size() + " 个单位" + (skipped.isEmpty() ? ""
                : "；跳过有问题的 " + skipped.size() + " 行：第 " + String.join("、", skipped.stream().map(String::valueOf).toList()) + " 行");
        return new Result(mode.name(), rows, good.size(), problems, imported, skipped, message);
    }

    private void requireCommission() {
        if (!access.isAdmin() && access.scopes(Roles.COMMISSION).isEmpty()) {
            throw new org.ethnicunity.platform.security.AccessDenied("您（" + access.userId()
                    + "）无权导入单位：只有民委（创建办）工作人员可以登记本地区的创建单位");
        }
    }

    /** The good rows; every problem goes to {@code problems}. A problem of the whole file is thrown. */
    private List<Good> check(byte[] content, List<Problem> problems) {
        if (content.length >= 8 && ReadableWorkbook.isOLE2Header(Arrays.copyOf(content, 8))) {
            throw new RuleViolation("file.format", "这是旧版 Excel（.xls）文件，请在 Excel 中「另存为」Excel 工作簿（.xlsx）后再导入");
        }
        if (content.length < 4 || !ReadableWorkbook.isOOXMLZipHeader(Arrays.copyOf(content, 4))) {
            throw notAWorkbook();
        }
        List<String[]> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.findSheet(SHEET).orElseThrow(() -> new RuleViolation("file.sheet",
                    "工作簿中没有名为「" + SHEET + "」的工作表，请使用导入模板（工作表名「" + SHEET + "」）"));
            try (Stream<Row> stream = sheet.openStream()) {
                var iterator = stream.iterator();
                if (!iterator.hasNext()) {
                    throw wrongHeader(List.of());
                }
                Row header = iterator.next();
                List<String> names = new ArrayList<>();
                for (int c = 0; c < Math.max(header.getCellCount(), HEADER.size()); c++) {
                    names.add(text(header, c));
                }
                while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
                    names.remove(names.size() - 1);
                }
                if (header.getRowNum() != 1 || !names.equals(HEADER)) {
                    throw wrongHeader(names);
                }
                while (iterator.hasNext()) {
                    Row row = iterator.next();
                    String[] values = new String[HEADER.size()];
                    boolean empty = true;
                    for (int c = 0; c < row.getCellCount(); c++) {
                        Cell cell = row.getCell(c);
                        if (cell != null && cell.getFormula() != null) {
                            problems.add(new Problem(row.getRowNum(), c < HEADER.size() ? HEADER.get(c) : column(c),
                                    "单元格含公式（" + cell.getFormula() + "），不接受公式：请复制后「选择性粘贴为数值」"));
                        }
                    }
                    for (int c = 0; c < HEADER.size(); c++) {
                        values[c] = text(row, c);
                        empty &= values[c].isEmpty();
                    }
                    if (empty) {
                        continue;
                    }
                    if (rows.size() == settings.maxRows()) {
                        throw new RuleViolation("file.tooManyRows", "文件超过导入上限 " + settings.maxRows()
                                + " 行，请分成几个文件导入");
                    }
                    rows.add(withRowNumber(values, row.getRowNum()));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuleViolation violation) {
                throw violation;
            }
            // Broken zip or XML inside: the person gets the Chinese refusal, the log keeps what the reader said.
            log.info("Unit import: unreadable workbook ({})", e.toString());
            throw notAWorkbook();
        }
        return validate(rows, problems);
    }

    private List<Good> validate(List<String[]> rows, List<Problem> problems) {
        // 150525101000 is the township 150525101: compare and store the normal form.
        rows.forEach(r -> r[2] = RegionCodes.normalise(r[2]).orElse(r[2]));
        Set<String> users = new HashSet<>();
        rows.forEach(r -> users.add(r[3]));
        Set<String> existingUsers = new HashSet<>(access.asPlatform(() -> identity.createUserQuery()
                .userIdIn(users.toArray(String[]::new)).list().stream().map(User::getId).toList()));
        Set<String> registered = registered(rows);
        Map<String, Integer> seen = new HashMap<>();
        Set<Integer> bad = new HashSet<>();
        problems.forEach(p -> bad.add(p.row()));
        List<Good> good = new ArrayList<>();
        for (String[] r : rows) {
            int row = Integer.parseInt(r[HEADER.size()]);
            List<Problem> found = new ArrayList<>();
            String name = r[0];
            UnitType type = null;
            if (name.isEmpty()) {
                found.add(new Problem(row, HEADER.get(0), "请填写单位名称"));
            } else if (name.length() > 200) {
                found.add(new Problem(row, HEADER.get(0), "单位名称不能超过 200 个字"));
            }
            if (r[1].isEmpty()) {
                found.add(new Problem(row, HEADER.get(1), "请填写单位类型"));
            } else {
                try {
                    type = UnitType.parse(r[1]);
                } catch (RuleViolation e) {
                    found.add(new Problem(row, HEADER.get(1), e.getMessage()));
                }
            }
            String region = r[2];
            if (!RegionCodes.isValid(region)) {
                found.add(new Problem(row, HEADER.get(2), region.isEmpty() ? "请填写行政区划代码"
                        : "须为 " + RegionCodes.UNIT_FORMAT + "：" + region));
            } else if (!access.hasRoleFor(region, COMMISSION)) {
                found.add(new Problem(row, HEADER.get(2), "您无权登记该地区（" + region + "）的单位"));
            }
            if (r[3].isEmpty()) {
                found.add(new Problem(row, HEADER.get(3), "请填写联系人账号"));
            } else if (!existingUsers.contains(r[3])) {
                found.add(new Problem(row, HEADER.get(3), "联系人账号「" + r[3] + "」不存在，请先在 Admin 中创建该用户"));
            }
            if (r[4].isEmpty() || r[4].length() > 100) {
                found.add(new Problem(row, HEADER.get(4), r[4].isEmpty() ? "请填写联系人姓名" : "联系人姓名不能超过 100 个字"));
            }
            if (!EMAIL.matcher(r[5]).matches() || r[5].length() > 200) {
                found.add(new Problem(row, HEADER.get(5), r[5].isEmpty() ? "请填写联系人邮箱" : "邮箱格式不正确：" + r[5]));
            }
            if (!name.isEmpty()) {
                String key = name + "\u001f" + region;
                Integer first = seen.putIfAbsent(key, row);
                if (first != null) {
                    found.add(new Problem(row, HEADER.get(0), "与第 " + first + " 行重复（同一地区的同名单位）"));
                } else if (registered.contains(key)) {
                    found.add(new Problem(row, HEADER.get(0), "该地区已登记名为「" + name + "」的单位"));
                }
            }
            problems.addAll(found);
            if (found.isEmpty() && !bad.contains(row)) {
                good.add(new Good(row, new Unit(null, name, type, region, r[3], r[4], r[5])));
            }
        }
        problems.sort(java.util.Comparator.comparingInt(Problem::row));
        return good;
    }

    /** Name and region of the rows already in the registry, in one query. */
    private Set<String> registered(List<String[]> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                SELECT u.name || chr(31) || u.region_code FROM registry.unit u
                JOIN unnest(CAST(:names AS text[]), CAST(:regions AS text[])) AS f(name, region_code)
                  ON u.name = f.name AND u.region_code = f.region_code""")
                .param("names", rows.stream().map(r -> r[0]).toArray(String[]::new))
                .param("regions", rows.stream().map(r -> r[2]).toArray(String[]::new))
                .query(String.class).list());
    }

    private static String[] withRowNumber(String[] values, int row) {
        String[] all = Arrays.copyOf(values, values.length + 1);
        all[values.length] = Integer.toString(row);
        return all;
    }

    private static String text(Row row, int c) {
        Cell cell = c < row.getCellCount() ? row.getCell(c) : null;
        if (cell == null) {
            return "";
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

    private static RuleViolation wrongHeader(List<String> found) {
        return new RuleViolation("file.header", "工作表「" + SHEET + "」第 1 行须为表头：" + String.join("、", HEADER)
                + (found.isEmpty() ? "（未找到表头）" : "；实际为：" + String.join("、", found)));
    }

    private static String describe(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : (bytes / 1024) + " KB";
    }
}
