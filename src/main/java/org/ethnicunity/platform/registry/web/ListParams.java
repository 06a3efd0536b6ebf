package org.ethnicunity.platform.registry.web;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.registry.UnitType;

/**
 * The query string of a list (page, JSON or export), read strictly: an unknown value is refused
 * with a Chinese message naming the parameter rather than ignored, so that a typo never exports
 * the wrong rows. Pages count from 0.
 */
record ListParams(Map<String, String> values) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    String text(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A region code filter with all below it: the region 150000, a city 150500, a banner, a township, a village. */
    String region(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return RegionCodes.normalise(value).orElseThrow(() -> new RuleViolation(name, "参数 " + name + " 须为 "
                + RegionCodes.UNIT_FORMAT + "，或 150500 等上级代码：" + value));
    }

    Integer year(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{4}")) {
            throw new RuleViolation(name, "参数 " + name + " 须为四位年份，例如 2026：" + value);
        }
        return Integer.valueOf(value);
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(name, "参数 " + name + " 的值「" + value + "」无效，可选："
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("、")));
        }
    }

    UnitType unitType(String name) {
        String value = text(name);
        return value == null ? null : UnitType.parse(value);
    }

    int page() {
        return number("page", 0, Integer.MAX_VALUE / MAX_SIZE, 0);
    }

    int size() {
        return number("size", 1, MAX_SIZE, DEFAULT_SIZE);
    }

    /** The sort key, one of {@code allowed}; {@code fallback} when none is given. */
    String sort(Set<String> allowed, String fallback) {
        String value = text("sort");
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw new RuleViolation("sort", "参数 sort 的值「" + value + "」无效，可选：" + String.join("、", allowed));
        }
        return value;
    }

    /** asc or desc; {@code fallback} when none is given. */
    String direction(String fallback) {
        String value = text("dir");
        if (value == null) {
            return fallback;
        }
        if (!value.equals("asc") && !value.equals("desc")) {
            throw new RuleViolation("dir", "参数 dir 须为 asc（升序）或 desc（降序）：" + value);
        }
        return value;
    }

    private int number(String name, int min, int max, int fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new RuleViolation(name, "参数 " + name + " 须为 " + min + " 到 " + max + " 之间的整数：" + value);
        }
    }
}
