package org.ethnicunity.platform.indicators;

import java.math.BigDecimal;
import java.util.List;

/** 测评指标体系: versioned data, per level and unit type. Never hard-code its numbers. */
public record IndicatorSet(long id, String code, int version, String name, String level, String unitType,
                           BigDecimal totalMax, BigDecimal passLine, List<Category> categories,
                           List<VetoItem> vetoItems) {

    /** A scored category with its maximum points. */
    public record Category(String code, String name, BigDecimal maxPoints) {
    }

    /** 一票否决: an item that fails an assessment whatever the score. */
    public record VetoItem(String code, String name) {
    }
}
