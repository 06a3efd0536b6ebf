package org.ethnicunity.platform.nomination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The naming list (命名名单) of one campaign at one moment: the applications ready to be named (public
 * notice over, every objection answered) and those that wait, each with why. Kept on the naming
 * instance as a JSON variable ({@link NamingContract#NAMING_LIST}): a text variable holds 4,000 characters at most.
 *
 * @param quota    the campaign's quota, null when it has none
 * @param approved applications of the campaign approved by the leading group (they count against the quota)
 * @param named    of those, already named in an earlier batch
 */
record NamingList(List<Entry> ready, List<Entry> waiting, Integer quota, int approved, int named) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One application: unit, where, the assessment, and (for one that waits) why. */
    record Entry(long designationId, String processInstanceId, String unitName, String unitTypeLabel,
                 String regionCode, Double siteTotal, String siteGrade, String why) {
    }

    /** 名额 30 个，已批准 12 个（已命名 0 个，本次拟命名 10 个，2 个公示或异议核实中）. */
    String quotaText() {
        return (quota == null ? "本批次不限名额" : "名额 " + quota + " 个") + "，已批准 " + approved + " 个（已命名 " + named
                + " 个，本次拟命名 " + ready.size() + " 个，暂不命名 " + waiting.size() + " 个）";
    }

    TypedValue typed() {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(this)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("命名名单无法保存 / naming list not serializable", e);
        }
    }

    static NamingList of(TypedValue value) {
        if (value == null) {
            throw new IllegalStateException("命名名单缺失 / naming list missing");
        }
        try {
            return JSON.readValue(((SerializableValue) value).getValueSerialized(), NamingList.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("命名名单无法读取 / naming list unreadable", e);
        }
    }
}
