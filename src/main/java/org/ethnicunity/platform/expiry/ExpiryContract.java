package org.ethnicunity.platform.expiry;

import java.time.LocalDate;
import java.util.List;
import org.ethnicunity.platform.contract.ProcessContract;
import org.ethnicunity.platform.contract.Variable;

/** The daily expiry run's variables ({@code bpmn/expiry.bpmn}): what one run did, for Cockpit. */
public final class ExpiryContract implements ProcessContract {

    public static final Variable<LocalDate> DAY = Variable.date("day", "处理日期");
    public static final Variable<Integer> EXPIRED = Variable.integer("expired", "期满称号数");
    public static final Variable<Integer> PENDING = Variable.integer("pending", "待处理数");
    public static final Variable<Integer> NOTICED = Variable.integer("noticed", "期满前通知数");

    @Override
    public List<String> processKeys() {
        return List.of("titleExpiry");
    }
}
