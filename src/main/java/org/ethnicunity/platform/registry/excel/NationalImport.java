package org.ethnicunity.platform.registry.excel;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The national named list (全国命名名单) imported from an .xlsx workbook made from its template: one row
 * per unit named by the national decision, found by its 单位编号 or by its name and region (the
 * registry keeps no credit code). The same checks as {@code POST /api/designations/national}, for
 * every row first, each problem by row and column; the same modes and limits as the unit import.
 */
@Service
class NationalImport {

    static final String SHEET = "全国命名名单";
    static final List<String> HEADER = List.of("单位名称", "单位编号", "行政区划代码", "命名文号", "命名日期", "命名批次");
    private static final int NAME = 0, ID = 1, REGION = 2, NUMBER = 3, DATE = 4, BATCH = 5;
    private static final XlsxImport.Template TEMPLATE = new XlsxImport.Template(SHEET, HEADER, Set.of(DATE));
    private static final Pattern DAY = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    /** A row that passed every check. */
    record Good(int row, Unit unit, String documentNumber, LocalDate namedDate, String batch) {
    }

    /** A national title recorded by the import, as the page and the JSON answer show it. */
    record Recorded(long designationId, long unitId, String unitName, String regionCode, String documentNumber,
                    LocalDate namedDate, String batch) {
    }

    private final NationalDesignations national;
    private final UnitRepository units;
    private final XlsxImport xlsx;
    private final TransactionTemplate transaction;

    NationalImport(NationalDesignations national, UnitRepository units, XlsxImport xlsx, PlatformTransactionManager transactions) {
        this.national = national;
        this.units = units;
        this.xlsx = xlsx;
        this.transaction = new TransactionTemplate(transactions);
    }

    byte[] read(InputStream in) throws IOException {
        return xlsx.read(in);
    }

    XlsxImport.Result<Recorded> run(byte[] content, XlsxImport.Mode mode) {
        national.requireRight();
        List<XlsxImport.Problem> problems = new ArrayList<>();
        List<XlsxImport.Line> lines = xlsx.lines(content, TEMPLATE, problems);
        List<Good> good = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        for (XlsxImport.Line line : lines) {
            List<XlsxImport.Problem> found = new ArrayList<>();
            Optional<Unit> unit = unit(line, found);
            LocalDate date = date(line, found);
            if (unit.isPresent()) {
                Integer first = seen.putIfAbsent(unit.get().id(), line.row());
                if (first != null) {
                    found.add(new XlsxImport.Problem(line.row(), HEADER.get(NAME), "与第 " + first + " 行是同一单位"));
                }
                national.check(unit.get(), line.get(NUMBER), date).stream()
                        .filter(i -> date != null || i.field() != NationalDesignations.Field.NAMED_DATE)
                        .forEach(i -> found.add(new XlsxImport.Problem(line.row(), column(i.field(), line), i.message())));
            } else if (line.get(NUMBER).isEmpty() || line.get(NUMBER).length() > 100) {
                found.add(new XlsxImport.Problem(line.row(), HEADER.get(NUMBER), "请填写国家命名文件的文号（不超过 100 字）"));
            }
            if (line.get(BATCH).length() > 200) {
                found.add(new XlsxImport.Problem(line.row(), HEADER.get(BATCH), "命名批次不能超过 200 个字"));
            }
            boolean formula = XlsxImport.hasProblem(problems, line.row());
            problems.addAll(found);
            if (found.isEmpty() && !formula) {
                good.add(new Good(line.row(), unit.orElseThrow(), line.get(NUMBER), date, line.get(BATCH)));
            }
        }
        return XlsxImport.outcome(mode, good, problems, rows -> transaction.execute(status -> rows.stream().map(this::record)
                .toList()), "全国称号");
    }

    private Recorded record(Good g) {
        // Checked again inside the transaction: a title recorded meanwhile (the JSON list, another file) refuses all.
        national.check(g.unit(), g.documentNumber(), g.namedDate()).stream().findFirst().ifPresent(i -> {
            throw new RuleViolation("national", "第 " + g.row() + " 行：" + i.message() + "（导入期间已有变化，本次未导入任何称号，请重新导入）");
        });
        Designation d = national.recordTitle(g.unit(), g.documentNumber(), g.namedDate(), g.batch());
        return new Recorded(d.id(), g.unit().id(), g.unit().name(), g.unit().regionCode(), d.documentNumber(),
                d.namedDate(), d.batch());
    }

    /** The unit of a row: by its 单位编号 (the name and region, where given, must be its own), else by name and region. */
    private Optional<Unit> unit(XlsxImport.Line line, List<XlsxImport.Problem> found) {
        String name = line.get(NAME);
        String region = RegionCodes.normalise(line.get(REGION)).orElse(line.get(REGION));
        if (!line.get(ID).isEmpty()) {
            if (!line.get(ID).matches("\\d{1,18}")) {
                found.add(new XlsxImport.Problem(line.row(), HEADER.get(ID), "单位编号须为数字：" + line.get(ID)));
                return Optional.empty();
            }
            Optional<Unit> unit = units.find(Long.parseLong(line.get(ID)));
            if (unit.isEmpty()) {
                found.add(new XlsxImport.Problem(line.row(), HEADER.get(ID), "找不到编号为 " + line.get(ID) + " 的单位"));
            } else if (!name.isEmpty() && !name.equals(unit.get().name())
                    || !region.isEmpty() && !region.equals(unit.get().regionCode())) {
                found.add(new XlsxImport.Problem(line.row(), HEADER.get(ID), "编号 " + line.get(ID) + " 的单位是「"
                        + unit.get().name() + "」（" + unit.get().regionCode() + "），与本行的单位名称或行政区划代码不符"));
                return Optional.empty();
            }
            return unit;
        }
        if (name.isEmpty()) {
            found.add(new XlsxImport.Problem(line.row(), HEADER.get(NAME), "请填写单位名称（或单位编号）"));
        }
        if (!RegionCodes.isValid(region)) {
            found.add(new XlsxImport.Problem(line.row(), HEADER.get(REGION), region.isEmpty()
                    ? "请填写行政区划代码（按名称查找单位时必填）" : "须为 " + RegionCodes.UNIT_FORMAT + "：" + region));
        }
        if (name.isEmpty() || !RegionCodes.isValid(region)) {
            return Optional.empty();
        }
        Optional<Unit> unit = units.findByName(name, region);
        if (unit.isEmpty()) {
            found.add(new XlsxImport.Problem(line.row(), HEADER.get(NAME), "登记库中没有该地区（" + region + "）名为「" + name
                    + "」的单位：请核对名称，或填写单位编号"));
        }
        return unit;
    }

    private static LocalDate date(XlsxImport.Line line, List<XlsxImport.Problem> found) {
        String text = line.get(DATE);
        Matcher m = DAY.matcher(text);
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (java.time.DateTimeException e) {
                // falls through to the problem below
            }
        }
        found.add(new XlsxImport.Problem(line.row(), HEADER.get(DATE), text.isEmpty() ? "请填写命名日期"
                : "命名日期须为日期（如 2026-05-20）：" + text));
        return null;
    }

    private static String column(NationalDesignations.Field field, XlsxImport.Line line) {
        return switch (field) {
            case UNIT -> HEADER.get(line.get(ID).isEmpty() ? NAME : ID);
            case DOCUMENT_NUMBER -> HEADER.get(NUMBER);
            case NAMED_DATE -> HEADER.get(DATE);
        };
    }
}
