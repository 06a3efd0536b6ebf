package org.ethnicunity.platform;

import org.ethnicunity.platform.engine.RuleViolation;

import java.util.Optional;

/**
 * The one place that knows the administrative hierarchy of a region code. GB/T 2260 gives six digits:
 * 150000 the autonomous region, 150500 a league/city, 150525 a banner/county. The statistical division
 * codes extend a banner by three digits for a township or street (苏木乡镇/街道, 150525101) and those by
 * three more for a village or community (嘎查村/社区, 150525101001). A code covers every code below it.
 *
 * <p>Only six-digit codes drop trailing "00" pairs (150500 → 1505): a township's own digits may end in
 * "00" (150525100 is a township, not its banner). A 12- or 9-digit code ending in "000" names the level
 * above itself (150525101000 is the township 150525101) and is normalised to it.
 */
public final class RegionCodes {

    /** The levels of the hierarchy, from the top. */
    public enum Tier {
        REGION("自治区"), CITY("盟市"), BANNER("旗县"), TOWNSHIP("苏木乡镇（街道）"), VILLAGE("嘎查村（社区）");

        private final String label;

        Tier(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The shape of a unit's code, for bean validation; {@link #normalise} is the full check. */
    public static final String UNIT_CODE_REGEX = "\\s*(\\d{6}|\\d{9}|\\d{12})\\s*";

    /** The shape of a commission's code. */
    public static final String COMMISSION_CODE_REGEX = "\\d{6}";

    /** What a form says a unit's code must look like. */
    public static final String UNIT_FORMAT = "6 位行政区划代码（旗县）或 9 位（苏木乡镇/街道）、12 位（嘎查村/社区）代码，如 150525、150525101、150525101001";

    /** What a form says a commission's (campaign's, launch's) code must look like. */
    public static final String COMMISSION_FORMAT = "6 位数字（如 150525 奈曼旗、150500 通辽市；苏木乡镇、嘎查村没有民委）";

    private RegionCodes() {
    }

    /** The code in its normal form (trimmed, "000" tails of 9/12-digit codes dropped), if it is a code at all. */
    public static Optional<String> normalise(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim();
        if (!c.matches(UNIT_CODE_REGEX)) {
            return Optional.empty();
        }
        while (c.length() > 6 && c.endsWith("000")) {
            c = c.substring(0, c.length() - 3);
        }
        return Optional.of(c);
    }

    /** A code a unit may sit in: 6, 9 or 12 digits. */
    public static boolean isValid(String code) {
        return normalise(code).isPresent();
    }

    /** A code a commission (and so a campaign, a launch, a regional group other than prelim) may have: 6 digits. */
    public static boolean isCommissionLevel(String code) {
        return code != null && code.matches(COMMISSION_CODE_REGEX);
    }

    /** The unit's code in normal form, or a {@link RuleViolation} naming the field. */
    public static String requireUnitCode(String field, String code) {
        return normalise(code).orElseThrow(() -> new RuleViolation(field, code == null || code.isBlank()
                ? "请填写「行政区划代码」（" + UNIT_FORMAT + "）"
                : "「行政区划代码」须为 " + UNIT_FORMAT + "，收到的是「" + code.trim() + "」"));
    }

    /** A commission's (campaign's, launch's) code, or a {@link RuleViolation} naming the field. */
    public static String requireCommissionCode(String field, String code) {
        String c = code == null ? null : code.trim();
        if (c == null || c.isEmpty()) {
            throw new RuleViolation(field, "请填写「行政区划代码」（6 位数字，如 150525）");
        }
        if (!isCommissionLevel(c)) {
            throw new RuleViolation(field, "「行政区划代码」须为 " + COMMISSION_FORMAT + "，收到的是「" + c + "」");
        }
        return c;
    }

    public static Tier tier(String code) {
        String c = normal(code);
        return switch (c.length()) {
            case 12 -> Tier.VILLAGE;
            case 9 -> Tier.TOWNSHIP;
            default -> c.endsWith("0000") ? Tier.REGION : c.endsWith("00") ? Tier.CITY : Tier.BANNER;
        };
    }

    /** The code one level up: 150525101001 → 150525101 → 150525 → 150500 → 150000; null above the region. */
    public static String parent(String code) {
        String c = normal(code);
        return switch (tier(c)) {
            case VILLAGE -> c.substring(0, 9);
            case TOWNSHIP -> c.substring(0, 6);
            case BANNER -> c.substring(0, 4) + "00";
            case CITY -> c.substring(0, 2) + "0000";
            case REGION -> null;
        };
    }

    /** The six-digit region whose commission is nearest: a township's or village's banner, else the code itself. */
    public static String commissionRegion(String code) {
        return normal(code).substring(0, 6);
    }

    /** The township of a township's or village's code; empty for six-digit codes. */
    public static Optional<String> township(String code) {
        String c = normal(code);
        return c.length() >= 9 ? Optional.of(c.substring(0, 9)) : Optional.empty();
    }

    /** Whether {@code scope} is {@code regionCode} or above it; false for anything that is not a code. */
    public static boolean covers(String scope, String regionCode) {
        Optional<String> s = normalise(scope);
        Optional<String> c = normalise(regionCode);
        return s.isPresent() && c.isPresent() && c.get().startsWith(significant(s.get()));
    }

    /**
     * A SQL LIKE pattern for the codes a scope covers: '15%', '1505%', '150525%' (the banner with its
     * townships and villages), '150525101%'; a village only its own code.
     */
    public static String likePattern(String scope) {
        String significant = significant(normal(scope));
        return significant.length() == 12 ? significant : significant + "%";
    }

    /** The digits every code below a scope starts with. */
    private static String significant(String code) {
        if (code.length() > 6) {
            return code;
        }
        String s = code;
        while (s.length() > 2 && s.endsWith("00")) {
            s = s.substring(0, s.length() - 2);
        }
        return s;
    }

    private static String normal(String code) {
        return normalise(code).orElseThrow(() -> new IllegalArgumentException("not a region code: " + code));
    }
}
