package org.ethnicunity.platform.registry.web;

import static org.ethnicunity.platform.registry.excel.XlsxExport.column;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.registry.excel.XlsxExport;
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

    static final List<XlsxExport.Column<UnitList.Row>> UNITS = List.of(
            column("单位编号", 10, UnitList.Row::id),
            column("单位名称", 36, UnitList.Row::name),
            column("单位类型", 14, UnitList.Row::unitTypeLabel),
            column("行政区划代码", 12, UnitList.Row::regionCode),
            column("联系人", 12, UnitList.Row::contactName),
            column("联系人邮箱", 26, UnitList.Row::contactEmail),
            column("旗县级称号", 12, r -> title(r.banner())),
            column("盟市级称号", 12, r -> title(r.city())),
            column("自治区级称号", 12, r -> title(r.region())),
            column("全国称号", 12, r -> title(r.national())));

    static final List<XlsxExport.Column<ProgressList.CampaignRow>> CAMPAIGNS = List.of(
            column("批次编号", 22, ProgressList.CampaignRow::code),
            column("批次名称", 36, ProgressList.CampaignRow::name),
            column("级别", 10, ProgressList.CampaignRow::levelLabel),
            column("年度", 8, ProgressList.CampaignRow::year),
            column("行政区划代码", 12, ProgressList.CampaignRow::regionCode),
            column("申报开始", 12, ProgressList.CampaignRow::applicationStart),
            column("申报截止", 12, ProgressList.CampaignRow::applicationEnd),
            column("名额", 8, ProgressList.CampaignRow::quota),
            column("申报数", 8, ProgressList.CampaignRow::applications),
            column("评审中", 8, ProgressList.CampaignRow::inReview),
            column("公示中", 8, ProgressList.CampaignRow::inNotice),
            column("已命名", 8, ProgressList.CampaignRow::named),
            column("未通过", 8, ProgressList.CampaignRow::declined));

    static final List<XlsxExport.Column<ProgressList.LaunchRow>> LAUNCHES = List.of(
            column("编号", 8, ProgressList.LaunchRow::id),
            column("事项", 10, ProgressList.LaunchRow::kindLabel),
            column("标题", 36, ProgressList.LaunchRow::title),
            column("行政区划代码", 12, ProgressList.LaunchRow::regionCode),
            column("发起状态", 10, ProgressList.LaunchRow::stateLabel),
            column("发起时间", 17, ProgressList.LaunchRow::createdAt),
            column("报送截止", 12, ProgressList.LaunchRow::dueDate),
            column("对象数", 8, ProgressList.LaunchRow::total),
            column("已发起", 8, ProgressList.LaunchRow::started),
            column("已提交", 8, ProgressList.LaunchRow::submitted),
            column("已评定/已采纳", 12, ProgressList.LaunchRow::graded),
            column("逾期未交", 10, ProgressList.LaunchRow::overdue));

    private final DesignationList designations;
    private final UnitList units;
    private final ProgressList progress;
    private final BusinessClock clock;

    RegistryExports(DesignationList designations, UnitList units, ProgressList progress, BusinessClock clock) {
        this.designations = designations;
        this.units = units;
        this.progress = progress;
        this.clock = clock;
    }

    void units(UnitList.Filter filter, RegistryScope scope, ListParams params, HttpServletResponse response) {
        send(response, "创建单位", UNITS, units.all(filter, scope, params));
    }

    void campaigns(ProgressList.CampaignFilter filter, RegistryScope scope, HttpServletResponse response) {
        send(response, "评选批次", CAMPAIGNS, progress.allCampaigns(filter, scope));
    }

    void launches(ProgressList.LaunchFilter filter, RegistryScope scope, HttpServletResponse response) {
        send(response, "批量发起与工作报送", LAUNCHES, progress.allLaunches(filter, scope));
    }

    private static String title(UnitList.Title title) {
        return title == null ? null : title.statusLabel();
    }

    void designations(DesignationList.Filter filter, RegistryScope scope, ListParams params, HttpServletResponse response) {
        send(response, "命名记录", DESIGNATIONS, designations.all(filter, scope, params));
    }

    <T> void send(HttpServletResponse response, String name, List<XlsxExport.Column<T>> columns,
                  Consumer<Consumer<T>> rows) {
        XlsxExport.prepare(response, name + "-" + clock.today() + ".xlsx");
        try {
            XlsxExport.write(response.getOutputStream(), clock.zone(), name, columns, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
