package org.ethnicunity.platform.nomination;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.mail.MailNotifier;
import org.ethnicunity.platform.registry.RegistryService;
import org.springframework.stereotype.Component;

/**
 * Draws up the naming list for the commission's decision, again each time it asks to refresh it:
 * the list itself (JSON), the same as text for the form, the quota used, and links to the list as
 * PDF and Excel.
 */
@Component("prepareNamingList")
class PrepareNamingList implements JavaDelegate {

    /** A text variable holds 4,000 characters: longer lists are cut in the form, whole in the files. */
    private static final int TEXT_MAX = 3_800;

    private final NamingCandidates candidates;
    private final RegistryService registry;
    private final MailNotifier mail;

    PrepareNamingList(NamingCandidates candidates, RegistryService registry, MailNotifier mail) {
        this.candidates = candidates;
        this.registry = registry;
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NamingList list = candidates.of(registry.campaign(NamingContract.CAMPAIGN_ID.require(execution)));
        // A JSON value, which no Variable stores: the list's own typed value under the contract's name.
        execution.setVariable(NamingContract.NAMING_LIST.name(), list.typed());
        NamingContract.NAMING_COUNT.set(execution, list.ready().size());
        NamingContract.QUOTA_TEXT.set(execution, list.quotaText());
        NamingContract.NAMING_LIST_TEXT.set(execution, text(list.ready(), "暂无可命名的申报（公示期满且异议均已答复的申报才能命名）"));
        NamingContract.NAMING_WAITING_TEXT.set(execution, text(list.waiting(), "无"));
        String files = mail.settings().baseUrl() + NominationPages.PATH + "naming/" + execution.getProcessInstanceId() + "/list";
        NamingContract.NAMING_LIST_PDF.set(execution, files + ".pdf");
        NamingContract.NAMING_LIST_XLSX.set(execution, files + ".xlsx");
    }

    static String text(List<NamingList.Entry> entries, String none) {
        if (entries.isEmpty()) {
            return none;
        }
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            NamingList.Entry e = entries.get(i);
            lines.add((i + 1) + ". " + e.unitName() + "（" + e.unitTypeLabel() + "，" + e.regionCode() + "）"
                    + (e.siteTotal() == null ? "" : " 实地测评 " + e.siteTotal() + " 分 " + e.siteGrade())
                    + (e.why() == null ? "" : "：" + e.why()));
        }
        return fit(lines, entries.size());
    }

    /** The lines as one text a text variable holds, cut with a note when too long. */
    static String fit(List<String> lines, int count) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (text.length() + line.length() + 1 > TEXT_MAX) {
                text.append("……共 ").append(count).append(" 个，完整名单见 PDF 或 Excel\n");
                break;
            }
            text.append(line).append('\n');
        }
        return text.toString().trim();
    }
}
