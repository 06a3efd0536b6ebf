package org.ethnicunity.platform.registry;

/** Levels of a title, lowest first: a unit applies for a level only holding the one below. */
public enum Level {
    BANNER("旗县级"), CITY("盟市级"), REGION("自治区级"), NATIONAL("全国");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The level whose title is required before applying for this one; null for the entry level. */
    public Level below() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    public static Level parse(String value) {
        try {
            return Level.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new org.ethnicunity.platform.engine.RuleViolation("level",
                    "未知的级别：" + value + "（应为 BANNER、CITY、REGION 或 NATIONAL）");
        }
    }
}
