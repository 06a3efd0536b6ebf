package org.ethnicunity.platform.registry.excel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;
import org.ethnicunity.platform.registry.web.RegistryListTest;
import org.ethnicunity.platform.registry.web.RegistrySeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The unit import: a good file imported whole and read back through the export; every refused case
 * (not an xlsx by content, an old .xls, a wrong sheet or header, an oversized file, too many rows,
 * formulas, duplicates within the file and against the registry, bad values, another region, a
 * role that may not import) leaves the registry unchanged; the problems come by row and column and
 * as a workbook; "import the good rows" says what it skipped.
 */
class UnitImportTest extends IntegrationTest {

    private static final String API = "/api/registry/units/import";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired DesignationRepository designations;

    @BeforeEach
    void people() {
        member("rvbanner", "commission-158121");
        member("rvimporter", "commission-158401");
        member("rvprelim", "prelim-158401");
        member("rvcontact2", "unit-contacts");
    }

    /** A workbook with the sheet and rows given; a cell starting with "=" is written as a formula. */
    static byte[] workbook(String sheetName, List<List<String>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                String value = rows.get(r).get(c);
                if (value.startsWith("=")) {
                    sheet.formula(r, c, value.substring(1));
                } else if (value.matches("\\d{6}") && c == 2 && r % 2 == 0) {
                    sheet.value(r, c, Integer.parseInt(value)); // region codes typed as numbers, as Excel users do
                } else {
                    sheet.value(r, c, value);
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    static List<String> row(String name, String type, String region, String contact) {
        return List.of(name, type, region, contact, "联系人", contact + "@test.example");
    }

    private byte[] units(List<List<String>> rows) throws Exception {
        List<List<String>> all = new java.util.ArrayList<>();
        all.add(UnitImport.HEADER);
        all.addAll(rows);
        return workbook(UnitImport.SHEET, all);
    }

    private HttpResponse<byte[]> post(String user, String path, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + RegistryListTest.password(user))
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode json(HttpResponse<byte[]> answer) throws Exception {
        return JSON.readTree(answer.body());
    }

    private long unitsOf(String region) {
        return units.findAll().stream().filter(u -> u.regionCode().equals(region)).count();
    }

    @Test
    void aGoodFileIsImportedWholeAndComesBackThroughTheExport() throws Exception {
        byte[] file = units(List.of(row("额济纳旗第一中学", "学校", "158401", "rvcontact2"),
                row("额济纳旗达来呼布镇团结社区", "COMMUNITY", "158401", "rvcontact2"),
                row("额济纳旗民族事务服务中心", "机关", "158401", "rvcontact2")));
        JsonNode checked = json(post("rvimporter", API + "?mode=CHECK", file));
        assertThat(checked.get("good").asInt()).isEqualTo(3);
        assertThat(checked.get("imported")).isEmpty();
        assertThat(unitsOf("158401")).isZero();

        HttpResponse<byte[]> answer = post("rvimporter", API, file);
        assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(json(answer).get("message").asText()).isEqualTo("已导入 3 个单位");
        assertThat(unitsOf("158401")).isEqualTo(3);
        assertThat(units.findByName("额济纳旗达来呼布镇团结社区", "158401").orElseThrow().unitType()).isEqualTo(UnitType.COMMUNITY);

        var exported = RegistryListTest.read(new RegistryListTest.Downloader(port).get("rvimporter",
                "/api/registry/units.xlsx?region=158401&sort=name&dir=asc"));
        assertThat(exported.subList(1, exported.size()).stream().map(r -> r.getCellText(1) + "|" + r.getCellText(2) + "|"
                + r.getCellText(3)).toList()).containsExactlyInAnyOrder("额济纳旗第一中学|学校|158401",
                "额济纳旗达来呼布镇团结社区|社区/嘎查村|158401", "额济纳旗民族事务服务中心|机关|158401");

        HttpResponse<byte[]> again = post("rvimporter", API, file);
        assertThat(again.statusCode()).as("the same file twice: every row a duplicate").isEqualTo(400);
        assertThat(json(again).findValuesAsText("message")).contains("该地区已登记名为「额济纳旗第一中学」的单位");
        assertThat(unitsOf("158401")).isEqualTo(3);
    }

    @Test
    void everyProblemIsReportedByRowAndColumnAndNothingIsImported() throws Exception {
        byte[] file = units(List.of(
                row("额济纳旗好单位", "学校", "158401", "rvcontact2"),                 // 2: good
                row("额济纳旗工厂", "工厂", "158401", "rvcontact2"),                   // 3: unknown type
                row("额济纳旗错码", "学校", "15292", "rvcontact2"),                    // 4: region not 6 digits
                row("乌兰浩特某校", "学校", "158201", "rvcontact2"),                   // 5: another region
                row("额济纳旗无人", "学校", "158401", "nobody-here"),                  // 6: unknown contact
                List.of("额济纳旗坏邮箱", "学校", "158401", "rvcontact2", "联系人", "not-an-email"), // 7: e-mail
                row("额济纳旗好单位", "学校", "158401", "rvcontact2"),                 // 8: duplicate of row 2
                row("阿左旗第1学校", "学校", "158121", "rvcontact2"),                  // 9: already registered (and not theirs)
                List.of("额济纳旗公式", "学校", "=158100+23", "rvcontact2", "联系人", "a@test.example"))); // 10
        RegistrySeed.ensure(units, designations, this::member);
        long before = units.findAll().size();
        HttpResponse<byte[]> answer = post("rvimporter", API, file);
        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode result = json(answer);
        assertThat(result.has("imported")).as(result.toString()).isTrue();
        assertThat(result.get("imported")).isEmpty();
        assertThat(result.get("good").asInt()).isEqualTo(1);
        assertThat(result.get("message").asText()).contains("未导入任何单位");
        List<String> problems = new java.util.ArrayList<>();
        result.get("problems").forEach(p -> problems.add(p.get("row").asInt() + "|" + p.get("column").asText() + "|"
                + p.get("message").asText()));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("3|单位类型|未知的单位类型：工厂"))
                .anySatisfy(p -> assertThat(p).startsWith("4|行政区划代码|须为 6 位行政区划代码"))
                .anySatisfy(p -> assertThat(p).isEqualTo("5|行政区划代码|您无权登记该地区（158201）的单位"))
                .anySatisfy(p -> assertThat(p).startsWith("6|联系人账号|联系人账号「nobody-here」不存在"))
                .anySatisfy(p -> assertThat(p).isEqualTo("7|联系人邮箱|邮箱格式不正确：not-an-email"))
                .anySatisfy(p -> assertThat(p).isEqualTo("8|单位名称|与第 2 行重复（同一地区的同名单位）"))
                .anySatisfy(p -> assertThat(p).startsWith("9|行政区划代码|您无权登记该地区（158121）"))
                .anySatisfy(p -> assertThat(p).startsWith("10|行政区划代码|单元格含公式"));
        assertThat(units.findAll()).hasSize((int) before);

        // The same problems as a workbook.
        HttpResponse<byte[]> report = post("rvimporter", API + "/problems.xlsx", file);
        assertThat(report.statusCode()).isEqualTo(200);
        var rows = RegistryListTest.read(report.body());
        assertThat(rows.get(0).getCellText(0)).isEqualTo("行号");
        assertThat(rows).hasSize(1 + result.get("problems").size());
        assertThat(rows.get(1).getCellText(0)).isEqualTo("3");

        // Explicitly: the good rows only, saying what was skipped.
        HttpResponse<byte[]> good = post("rvimporter", API + "?mode=GOOD", file);
        assertThat(good.statusCode()).isEqualTo(200);
        JsonNode imported = json(good);
        assertThat(imported.findValuesAsText("name")).containsExactly("额济纳旗好单位");
        assertThat(imported.get("skipped")).extracting(JsonNode::asInt).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(imported.get("message").asText()).contains("已导入 1 个单位", "跳过有问题的 8 行", "第 3、4、5、6、7、8、9、10 行");
        assertThat(units.findAll()).hasSize((int) before + 1);
    }

    @Test
    void filesThatAreNotTheTemplateAreRefusedWhole() throws Exception {
        byte[] text = "单位名称,单位类型\n额济纳旗,学校\n".getBytes(StandardCharsets.UTF_8);
        assertRefused(text, "文件不是 Excel 工作簿（.xlsx）");
        byte[] xls = new byte[512];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, 0, xls, 0, 8);
        assertRefused(xls, "旧版 Excel（.xls）");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("not a workbook".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(zip.toByteArray(), "文件不是 Excel 工作簿（.xlsx）");
        assertRefused(workbook("Sheet1", List.of(UnitImport.HEADER, row("额济纳旗甲", "学校", "158401", "rvcontact2"))),
                "工作簿中没有名为「单位」的工作表");
        assertRefused(workbook(UnitImport.SHEET, List.of(List.of("名称", "类型", "地区"), row("额济纳旗乙", "学校", "158401", "rvcontact2"))),
                "第 1 行须为表头：单位名称、单位类型、行政区划代码、联系人账号、联系人姓名、联系人邮箱；实际为：名称、类型、地区");
        byte[] big = new byte[5 * 1024 * 1024 + 10];
        big[0] = 'P';
        big[1] = 'K';
        big[2] = 3;
        big[3] = 4;
        assertRefused(big, "文件超过导入上限 5 MB");
        List<List<String>> many = new java.util.ArrayList<>();
        for (int i = 0; i < 5001; i++) {
            many.add(row("额济纳旗批量单位" + i, "学校", "158401", "rvcontact2"));
        }
        assertRefused(units(many), "文件超过导入上限 5000 行");
        assertThat(unitsOf("158401")).as("nothing of any refused file").isLessThanOrEqualTo(4);
    }

    @Test
    void onlyCommissionStaffImportAndOnlyForTheirRegion() throws Exception {
        byte[] file = units(List.of(row("额济纳旗丙单位", "学校", "158401", "rvcontact2")));
        assertThat(post("rvprelim", API, file).statusCode()).isEqualTo(403);
        assertThat(post("rvcontact2", API, file).statusCode()).isEqualTo(403);
        HttpResponse<byte[]> foreign = post("rvbanner", API, file);
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(json(foreign).findValuesAsText("message")).contains("您无权登记该地区（158401）的单位");
        assertThat(units.findByName("额济纳旗丙单位", "158401")).isEmpty();
        HttpResponse<byte[]> form = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + API))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("rvimporter:secret-rvimporter"
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).header("Content-Type", "application/x-www-form-urlencoded")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(json(form).get("message").asText()).contains("作为请求体上传");
    }

    private void assertRefused(byte[] file, String message) throws Exception {
        long before = units.findAll().size();
        HttpResponse<byte[]> answer = post("rvimporter", API, file);
        assertThat(answer.statusCode()).as(message).isEqualTo(400);
        assertThat(json(answer).get("message").asText()).contains(message);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).doesNotContain("Exception");
        assertThat(units.findAll()).hasSize((int) before);
    }
}
