package org.ethnicunity.platform;

/**
 * GB/T 2260 codes: 150000 is the region, 150500 a league/city, 150525 a banner/county. A scope
 * covers every code that starts with its significant digits (trailing "00" pairs dropped).
 */
public final class RegionCodes {

    private RegionCodes() {
    }

    public static boolean covers(String scope, String regionCode) {
        return regionCode != null && regionCode.startsWith(significant(scope));
    }

    /** A SQL LIKE pattern for the codes a scope covers: '15%', '1505%', or the banner's own code. */
    public static String likePattern(String scope) {
        String significant = significant(scope);
        return significant.length() == 6 ? significant : significant + "%";
    }

    private static String significant(String code) {
        String s = code;
        while (s.length() > 2 && s.endsWith("00")) {
            s = s.substring(0, s.length() - 2);
        }
        return s;
    }
}
