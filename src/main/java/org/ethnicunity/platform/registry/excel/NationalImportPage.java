package org.ethnicunity.platform.registry.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZoneId;
import org.camunda.bpm.engine.IdentityService;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.web.WebappLogin;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The national named list's import for people, {@code /registry/designations/national/import} (docs/recommendation.md). */
@Controller
@RequestMapping(NationalImportPage.PATH)
class NationalImportPage extends XlsxImportPage<NationalImport.Recorded> {

    static final String PATH = "/registry/designations/national/import";

    private final NationalImport nationalImport;

    NationalImportPage(NationalImport nationalImport, BusinessClock clock, WebappLogin login, IdentityService identity) {
        super(PATH, new XlsxImportPage.Texts("导入全国命名名单", NationalImport.SHEET, NationalImport.HEADER,
                "每行一个被国家民委命名的单位：填单位编号，或单位名称和行政区划代码；命名文号、命名日期必填，命名批次可空（空则用文号）。"
                        + "单位须持有自治区级称号、尚无全国称号。只有自治区民委（创建办）和管理员可以导入。",
                "全国命名名单导入", "national"), clock, login, identity);
        this.nationalImport = nationalImport;
    }

    @Override
    byte[] read(InputStream in) throws IOException {
        return nationalImport.read(in);
    }

    @Override
    XlsxImport.Result<NationalImport.Recorded> run(byte[] content, XlsxImport.Mode mode) {
        return nationalImport.run(content, mode);
    }

    @Override
    String label(NationalImport.Recorded r) {
        return r.unitName() + "（" + r.regionCode() + "）" + r.documentNumber() + "，" + r.namedDate();
    }

    @Override
    void writeTemplate(OutputStream out, ZoneId zone) {
        UnitImportController.writeTemplate(out, zone, NationalImport.SHEET, NationalImport.HEADER);
    }
}
