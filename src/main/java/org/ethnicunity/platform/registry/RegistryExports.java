package org.ethnicunity.platform.registry;

import static org.ethnicunity.platform.registry.XlsxExport.column;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.ethnicunity.platform.BusinessClock;
import org.springframework.stereotype.Component;

/**
 * The registry's lists as .xlsx, the same columns for the page's download and the API: what the
 * list shows, with Chinese headers, dates as dates, streamed as the rows are read.
 */
@Component
class RegistryExports {

    static final List<XlsxExport.Column<DesignationList.Row>> DESIGNATIONS = List.of(
            column("命名记录编号", 12, DesignationList.Row::id),
            column("单位名称", 36, DesignationList.Row::unitName),
            column("单位类型", 14, DesignationList.Row::unitTypeLabel),
            column("行政区划代码", 12, DesignationList.Row::regionCode),
            column("级别", 10, DesignationList.Row::levelLabel),
            column("状态", 12, DesignationList.Row::statusLabel),
            column("评选批次", 30, DesignationList.Row::campaignName),
            column("年度", 8, DesignationList.Row::year),
            column("批次", 16, DesignationList.Row::batch),
            column("命名日期", 12, DesignationList.Row::namedDate),
            column("文号", 24, DesignationList.Row::documentNumber),
            column("有效期至", 12, DesignationList.Row::expiryDate),
            column("撤销日期", 12, DesignationList.Row::revokedDate),
            column("推荐上一级", 10, DesignationList.Row::recommended));

    private final DesignationList designations;
    private final BusinessClock clock;

    RegistryExports(DesignationList designations, BusinessClock clock) {
        this.designations = designations;
        this.clock = clock;
    }

    void designations(DesignationList.Filter filter, RegistryScope scope, ListParams params, HttpServletResponse response) {
        send(response, "命名记录", DESIGNATIONS, designations.all(filter, scope, params));
    }

    <T> void send(HttpServletResponse response, String name, List<XlsxExport.Column<T>> columns,
                  Consumer<Consumer<T>> rows) {
        XlsxExport.prepare(response, name + "-" + clock.today() + ".xlsx");
        try {
            XlsxExport.write(response.getOutputStream(), name, columns, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
