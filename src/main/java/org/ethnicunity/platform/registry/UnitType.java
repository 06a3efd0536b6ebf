package org.ethnicunity.platform.registry;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.ethnicunity.platform.engine.RuleViolation;

/** 单位类型: the "8+N进" kinds of participant. */
public enum UnitType {
    AGENCY("机关"), ENTERPRISE("企业"), SCHOOL("学校"), COMMUNITY("社区/嘎查村"),
    TOWNSHIP("苏木乡镇(街道)"), COMPANY("连队"), RELIGIOUS_SITE("宗教活动场所"), ONLINE("网络"),
    NEW_ECONOMIC_ORG("新经济组织"), NEW_SOCIAL_ORG("新社会组织"), COUNTY("旗县(示范区)"), OTHER("其他");

    private final String label;

    UnitType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static UnitType parse(String value) {
        return Arrays.stream(values()).filter(t -> t.name().equals(value) || t.label.equals(value)).findFirst()
                .orElseThrow(() -> new RuleViolation("unitType", "未知的单位类型：" + value + "（可选："
                        + Arrays.stream(values()).map(t -> t.name() + " " + t.label).collect(Collectors.joining("、")) + "）"));
    }
}
