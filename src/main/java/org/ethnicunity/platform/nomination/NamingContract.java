package org.ethnicunity.platform.nomination;

import java.time.LocalDate;
import java.util.List;
import org.ethnicunity.platform.contract.Option;
import org.ethnicunity.platform.contract.ProcessContract;
import org.ethnicunity.platform.contract.Subject;
import org.ethnicunity.platform.contract.Variable;

/**
 * The variables of one naming decision of a campaign ({@code bpmn/naming.bpmn}, 批量命名发文): the
 * campaign, the naming list drawn up for the commission, its decision and the document. What it
 * hands to each application it names goes through {@link NominationContract#naming}.
 */
public final class NamingContract implements ProcessContract {

    /** The user who started the naming (camunda:initiator). */
    public static final Variable<String> NAMING_STARTER = Variable.text("namingStarter", "发起人", 64);
    public static final Variable<String> CAMPAIGN_CODE = Subject.CAMPAIGN_CODE;
    public static final Variable<Long> CAMPAIGN_ID = Subject.CAMPAIGN_ID;
    public static final Variable<String> CAMPAIGN_NAME = Subject.CAMPAIGN_NAME;
    public static final Variable<String> CAMPAIGN_REGION_CODE = NominationContract.CAMPAIGN_REGION_CODE;
    public static final Variable<String> LEVEL_LABEL = Subject.LEVEL_LABEL;

    // --- the naming list, drawn up again on each refresh ---
    /** The list itself (JSON, {@link NamingList}): a text variable would hold 4,000 characters only. */
    public static final Variable<Object> NAMING_LIST = Variable.internal("namingList", "命名名单", Object.class);
    public static final Variable<Integer> NAMING_COUNT = Variable.integer("namingCount", "拟命名数");
    public static final Variable<String> QUOTA_TEXT = Variable.text("quotaText", "名额使用", 500);
    public static final Variable<String> NAMING_LIST_TEXT = Variable.text("namingListText", "拟命名名单", 4000);
    public static final Variable<String> NAMING_WAITING_TEXT = Variable.text("namingWaitingText", "暂不命名（公示中或异议核实中）及原因", 4000);
    public static final Variable<String> NAMING_LIST_PDF = Variable.text("namingListPdf", "命名名单（PDF）", 500);
    public static final Variable<String> NAMING_LIST_XLSX = Variable.text("namingListXlsx", "命名名单（Excel）", 500);

    // --- the commission's decision (form naming-confirm) ---
    public static final Variable<NamingDecision> NAMING_DECISION = Variable.choice("namingDecision", "命名决定", NamingDecision.class);
    public static final Variable<String> DOCUMENT_NUMBER = NominationContract.DOCUMENT_NUMBER;
    public static final Variable<LocalDate> NAMING_DATE = NominationContract.NAMING_DATE;
    public static final Variable<String> NAMING_NOTE = NominationContract.NAMING_NOTE;
    public static final Variable<Integer> NAMED_COUNT = Variable.integer("namedCount", "已命名数");

    @Override
    public List<String> processKeys() {
        return List.of("naming");
    }

    /** 命名决定 (form naming-confirm). */
    public enum NamingDecision implements Option {
        NAME("确认名单，命名发文"), REFRESH("刷新名单（名单有变化时）"), CANCEL("撤销本次命名");

        private final String label;

        NamingDecision(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }
}
