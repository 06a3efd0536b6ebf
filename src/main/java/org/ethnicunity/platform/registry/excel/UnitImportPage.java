package org.ethnicunity.platform.registry.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZoneId;
import org.camunda.bpm.engine.IdentityService;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.web.WebappLogin;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The unit import for people, {@code /registry/units/import} (docs/registry.md#importing-units). */
@Controller
@RequestMapping(UnitImportPage.PATH)
class UnitImportPage extends XlsxImportPage<Unit> {

    static final String PATH = "/registry/units/import";

    private final UnitImport unitImport;

    UnitImportPage(UnitImport unitImport, BusinessClock clock, WebappLogin login, IdentityService identity) {
        super(PATH, new XlsxImportPage.Texts("导入创建单位", UnitImport.SHEET, UnitImport.HEADER,
                "只能导入本民委所辖地区的单位，联系人账号须已存在。", "单位导入", "import"), clock, login, identity);
        this.unitImport = unitImport;
    }

    @Override
    byte[] read(InputStream in) throws IOException {
        return unitImport.read(in);
    }

    @Override
    XlsxImport.Result<Unit> run(byte[] content, XlsxImport.Mode mode) {
        return unitImport.run(content, mode);
    }

    @Override
    String label(Unit unit) {
        return unit.name() + "（" + unit.regionCode() + "）";
    }

    @Override
    void writeTemplate(OutputStream out, ZoneId zone) {
        UnitImportController.writeTemplate(out, zone);
    }
}
