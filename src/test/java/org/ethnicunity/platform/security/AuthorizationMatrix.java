package org.ethnicunity.platform.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The authorization matrix as docs/security.md states it: for each action code, the expected
 * outcome per role column ({@code anonymous}, {@code unit-contacts}, {@code prelim}, ...).
 */
record AuthorizationMatrix(List<String> roles, Map<String, Map<String, Cell>> actions) {

    static final String ANONYMOUS = "anonymous";

    /** ✔ everywhere; 本地区 own region only; 本单位 own unit only; ✘ refused; — not offered (refused too). */
    enum Cell {
        EVERYWHERE("✔"), OWN_REGION("本地区"), OWN_UNIT("本单位"), REFUSED("✘"), NOT_OFFERED("—");

        private final String symbol;

        Cell(String symbol) {
            this.symbol = symbol;
        }

        static Cell of(String text) {
            for (Cell cell : values()) {
                if (cell.symbol.equals(text.trim())) {
                    return cell;
                }
            }
            throw new IllegalArgumentException("Unknown cell「" + text + "」in docs/security.md");
        }

        boolean allowsOwn() {
            return this == EVERYWHERE || this == OWN_REGION || this == OWN_UNIT;
        }

        boolean allowsForeign() {
            return this == EVERYWHERE;
        }
    }

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    static AuthorizationMatrix read(Path file) throws IOException {
        List<String> roles = null;
        Map<String, Map<String, Cell>> actions = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            List<String> cells = List.of(line.substring(1, line.lastIndexOf('|')).split("\\|"));
            if (roles == null && cells.get(1).trim().equals("代码")) {
                roles = new ArrayList<>();
                for (String header : cells.subList(2, cells.size())) {
                    Matcher code = CODE.matcher(header);
                    roles.add(code.find() ? code.group(1) : ANONYMOUS);
                }
            } else if (roles != null) {
                Matcher code = CODE.matcher(cells.get(1));
                if (!code.find()) {
                    continue;
                }
                Map<String, Cell> row = new LinkedHashMap<>();
                for (int i = 0; i < roles.size(); i++) {
                    row.put(roles.get(i), Cell.of(cells.get(i + 2)));
                }
                actions.put(code.group(1), row);
            }
        }
        if (roles == null) {
            throw new IllegalStateException("docs/security.md has no authorization matrix");
        }
        return new AuthorizationMatrix(roles, actions);
    }
}
