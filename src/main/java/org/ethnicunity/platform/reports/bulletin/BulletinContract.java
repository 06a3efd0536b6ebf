package org.ethnicunity.platform.reports.bulletin;

import java.util.List;
import org.ethnicunity.platform.contract.ProcessContract;
import org.ethnicunity.platform.contract.Variable;

/** The periodic bulletin's variables ({@code bpmn/bulletin.bpmn}): what one run sent, for Cockpit. */
public final class BulletinContract implements ProcessContract {

    public static final Variable<String> PERIOD = Variable.text("period", "通报周期", 20);
    public static final Variable<Integer> REGIONS = Variable.integer("regions", "地区数");
    public static final Variable<Integer> RECIPIENTS = Variable.integer("recipients", "收件人数");
    public static final Variable<Integer> QUEUED = Variable.integer("queued", "已排队邮件数");
    public static final Variable<Integer> WITHOUT_EMAIL = Variable.integer("withoutEmail", "无邮箱人数");

    @Override
    public List<String> processKeys() {
        return List.of("bulletin");
    }
}
