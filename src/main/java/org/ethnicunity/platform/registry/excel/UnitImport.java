package org.ethnicunity.platform.registry.excel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;
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

    static final String SHEET = "单位";
    static final List<String> HEADER = List.of("单位名称", "单位类型", "行政区划代码", "联系人账号", "联系人姓名", "联系人邮箱");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final List<String> COMMISSION = List.of(Roles.COMMISSION);

    private static final XlsxImport.Template TEMPLATE = new XlsxImport.Template(SHEET, HEADER, Set.of());

    /** A row that passed every check, with its row number. */
    record Good(int row, Unit unit) {
    }

    private final UnitRepository units;
    private final XlsxImport xlsx;
    private final ApiAccess access;
    private final IdentityService identity;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    UnitImport(UnitRepository units, XlsxImport xlsx, ApiAccess access, IdentityService identity, JdbcClient jdbc,
               PlatformTransactionManager transactions) {
        this.units = units;
        this.xlsx = xlsx;
        this.access = access;
        this.identity = identity;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Reads at most the limit (plus one byte, to know it was exceeded) from an upload. */
    byte[] read(InputStream in) throws IOException {
        return xlsx.read(in);
    }

    XlsxImport.Result<Unit> run(byte[] content, XlsxImport.Mode mode) {
        requireCommission();
        List<XlsxImport.Problem> problems = new ArrayList<>();
        List<Good> good = validate(xlsx.lines(content, TEMPLATE, problems), problems);
        return XlsxImport.outcome(mode, good, problems, rows -> transaction.execute(status -> {
            try {
                return rows.stream().map(g -> units.insert(g.unit())).toList();
            } catch (DuplicateKeyException e) {
                // Another import or POST /api/units registered the same unit since the check: nothing is kept.
                throw new RuleViolation("name", "导入期间该地区已有同名单位被登记，本次未导入任何单位，请重新导入");
            }
        }), "单位");
    }

    private void requireCommission() {
        if (!access.isAdmin() && access.scopes(Roles.COMMISSION).isEmpty()) {
            throw new org.ethnicunity.platform.security.AccessDenied("您（" + access.userId()
                    + "）无权导入单位：只有民委（创建办）工作人员可以登记本地区的创建单位");
        }
    }

    private List<Good> validate(List<XlsxImport.Line> lines, List<XlsxImport.Problem> problems) {
        List<String[]> rows = lines.stream().map(l -> withRowNumber(l.values(), l.row())).toList();
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
            List<XlsxImport.Problem> found = new ArrayList<>();
            String name = r[0];
            UnitType type = null;
            if (name.isEmpty()) {
                found.add(new XlsxImport.Problem(row, HEADER.get(0), "请填写单位名称"));
            } else if (name.length() > 200) {
                found.add(new XlsxImport.Problem(row, HEADER.get(0), "单位名称不能超过 200 个字"));
            }
            if (r[1].isEmpty()) {
                found.add(new XlsxImport.Problem(row, HEADER.get(1), "请填写单位类型"));
            } else {
                try {
                    type = UnitType.parse(r[1]);
                } catch (RuleViolation e) {
                    found.add(new XlsxImport.Problem(row, HEADER.get(1), e.getMessage()));
                }
            }
            String region = r[2];
            if (!RegionCodes.isValid(region)) {
                found.add(new XlsxImport.Problem(row, HEADER.get(2), region.isEmpty() ? "请填写行政区划代码"
                        : "须为 " + RegionCodes.UNIT_FORMAT + "：" + region));
            } else if (!access.hasRoleFor(region, COMMISSION)) {
                found.add(new XlsxImport.Problem(row, HEADER.get(2), "您无权登记该地区（" + region + "）的单位"));
            }
            if (r[3].isEmpty()) {
                found.add(new XlsxImport.Problem(row, HEADER.get(3), "请填写联系人账号"));
            } else if (!existingUsers.contains(r[3])) {
                found.add(new XlsxImport.Problem(row, HEADER.get(3), "联系人账号「" + r[3] + "」不存在，请先在 Admin 中创建该用户"));
            }
            if (r[4].isEmpty() || r[4].length() > 100) {
                found.add(new XlsxImport.Problem(row, HEADER.get(4), r[4].isEmpty() ? "请填写联系人姓名" : "联系人姓名不能超过 100 个字"));
            }
            if (!EMAIL.matcher(r[5]).matches() || r[5].length() > 200) {
                found.add(new XlsxImport.Problem(row, HEADER.get(5), r[5].isEmpty() ? "请填写联系人邮箱" : "邮箱格式不正确：" + r[5]));
            }
            if (!name.isEmpty()) {
                String key = name + "\u001f" + region;
                Integer first = seen.putIfAbsent(key, row);
                if (first != null) {
                    found.add(new XlsxImport.Problem(row, HEADER.get(0), "与第 " + first + " 行重复（同一地区的同名单位）"));
                } else if (registered.contains(key)) {
                    found.add(new XlsxImport.Problem(row, HEADER.get(0), "该地区已登记名为「" + name + "」的单位"));
                }
            }
            problems.addAll(found);
            if (found.isEmpty() && !bad.contains(row)) {
                good.add(new Good(row, new Unit(null, name, type, region, r[3], r[4], r[5])));
            }
        }
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
}
