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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.WebappSession;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;
import org.ethnicunity.platform.registry.web.RegistryListTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The national named list imported from Excel: a good file records NATIONAL titles with their
 * document number and date (a date cell as Excel keeps it, a unit found by number or by name and
 * region); a file with bad rows is refused naming each row and column, nothing recorded; a file that
 * is not a workbook is refused whole; a banner commission may not import; the registry page uploads
 * the same file. Units on region codes 1571xx of this test's own.
 */
class NationalImportTest extends IntegrationTest {

    private static final String API = "/api/designations/national/import";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired DesignationRepository designations;

    @BeforeEach
    void people() {
        member("niregion", "commission-150000");
        member("nibanner", "commission-157101");
    }

    /** A unit of 1571xx holding a region-level title (or none, when {@code titled} is false). */
    private Unit unit(String region, boolean titled) {
        Unit unit = units.insert(new Unit(null, "全国命名测试单位" + System.nanoTime(), UnitType.SCHOOL, region, "nicontact",
                "联系人", "nicontact@test.example"));
        if (titled) {
            long id = designations.insert(unit.id(), Level.REGION, null, DesignationStatus.NAMED, null, "第九批");
            designations.recordNaming(id, LocalDate.of(2024, 5, 1), "内民委发〔2024〕9号", LocalDate.of(2029, 5, 1), true);
        }
        return unit;
    }

    /** The named list; a value "DATE:yyyy-mm-dd" is written as an Excel date cell, as Excel keeps a typed date. */
    static byte[] namedList(List<List<String>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet(NationalImport.SHEET);
        List<List<String>> all = new ArrayList<>();
        all.add(NationalImport.HEADER);
        all.addAll(rows);
        for (int r = 0; r < all.size(); r++) {
            for (int c = 0; c < all.get(r).size(); c++) {
                String value = all.get(r).get(c);
                if (value.startsWith("DATE:")) {
                    sheet.value(r, c, LocalDate.parse(value.substring(5)));
                    sheet.style(r, c).format("yyyy-mm-dd").set();
                } else {
                    sheet.value(r, c, value);
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    private HttpResponse<byte[]> post(String user, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + API))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + RegistryListTest.password(user))
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private List<Designation> nationalTitles(Unit unit) {
        return designations.findByUnit(unit.id()).stream().filter(d -> d.level() == Level.NATIONAL).toList();
    }

    @Test
    void aGoodNamedListRecordsNationalTitlesWithTheirDocumentNumberAndDate() throws Exception {
        Unit byNumber = unit("157101", true);
        Unit byName = unit("157201", true);
        byte[] file = namedList(List.of(
                List.of("", String.valueOf(byNumber.id()), "", "民委发〔2026〕30号", "DATE:2026-05-20", "第十一批"),
                List.of(byName.name(), "", "157201", "民委发〔2026〕30号", "2026年5月20日", "")));

        HttpResponse<byte[]> answer = post("niregion", file);

        assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode result = JSON.readTree(answer.body());
        assertThat(result.get("message").asText()).isEqualTo("已导入 2 个全国称号");
        Designation first = nationalTitles(byNumber).get(0);
        assertThat(first.status()).isEqualTo(DesignationStatus.NAMED);
        assertThat(first.documentNumber()).isEqualTo("民委发〔2026〕30号");
        assertThat(first.namedDate()).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(first.expiryDate()).isEqualTo(LocalDate.of(2031, 5, 20));
        assertThat(first.batch()).isEqualTo("第十一批");
        Designation second = nationalTitles(byName).get(0);
        assertThat(second.batch()).as("no batch: the document number").isEqualTo("民委发〔2026〕30号");
        assertThat(designations.events(second.id())).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("niregion");
            assertThat(e.documentNumber()).isEqualTo("民委发〔2026〕30号");
        });

        HttpResponse<byte[]> again = post("niregion", file);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(new String(again.body(), StandardCharsets.UTF_8)).contains("已持有全国称号");
        assertThat(nationalTitles(byNumber)).hasSize(1);
    }

    @Test
    void badRowsAreRefusedByRowAndColumnAndNothingIsRecorded() throws Exception {
        Unit good = unit("157301", true);
        Unit untitled = unit("157301", false);
        Unit other = unit("157302", true);
        byte[] file = namedList(List.of(
                List.of("", String.valueOf(good.id()), "", "民委发〔2026〕30号", "2026-05-20", ""),        // 2: good
                List.of("", String.valueOf(untitled.id()), "", "民委发〔2026〕30号", "2026-05-20", ""),    // 3: no region title
                List.of("不存在的单位", "", "157301", "民委发〔2026〕30号", "2026-05-20", ""),             // 4: unknown unit
                List.of("", String.valueOf(other.id()), "", "", "2026-05-20", ""),                        // 5: no document number
                List.of("", String.valueOf(other.id()), "157999", "民委发〔2026〕30号", "2026-05-20", ""), // 6: region not its own
                List.of("", String.valueOf(good.id()), "", "民委发〔2026〕30号", TestClock.today().plusDays(1).toString(), ""), // 7: future, duplicate
                List.of("", "12x", "", "民委发〔2026〕30号", "五月", "")));                                // 8: bad id and date

        HttpResponse<byte[]> answer = post("niregion", file);

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode result = JSON.readTree(answer.body());
        assertThat(result.get("imported")).isEmpty();
        assertThat(result.get("good").asInt()).isEqualTo(1);
        assertThat(result.get("message").asText()).contains("未导入任何全国称号");
        List<String> problems = new ArrayList<>();
        result.get("problems").forEach(p -> problems.add(p.get("row").asInt() + "|" + p.get("column").asText() + "|"
                + p.get("message").asText()));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("3|单位编号|").contains("未持有自治区级称号"))
                .anySatisfy(p -> assertThat(p).startsWith("4|单位名称|登记库中没有该地区（157301）名为「不存在的单位」的单位"))
                .anySatisfy(p -> assertThat(p).startsWith("5|命名文号|请填写国家命名文件的文号"))
                .anySatisfy(p -> assertThat(p).startsWith("6|单位编号|").contains("与本行的单位名称或行政区划代码不符"))
                .anySatisfy(p -> assertThat(p).startsWith("7|单位名称|与第 2 行是同一单位"))
                .anySatisfy(p -> assertThat(p).startsWith("7|命名日期|").contains("不能晚于今天"))
                .anySatisfy(p -> assertThat(p).startsWith("8|单位编号|单位编号须为数字"))
                .anySatisfy(p -> assertThat(p).startsWith("8|命名日期|命名日期须为日期"));
        assertThat(problems).noneMatch(p -> p.startsWith("2|"));
        assertThat(nationalTitles(good)).as("all or nothing").isEmpty();

        HttpResponse<byte[]> onlyGood = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + API + "?mode=GOOD"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("niregion:secret-niregion"
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(onlyGood.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(onlyGood.body()).get("message").asText()).isEqualTo("已导入 1 个全国称号；跳过有问题的 6 行：第 3、4、5、6、7、8 行");
        assertThat(nationalTitles(good)).hasSize(1);
        assertThat(nationalTitles(untitled)).isEmpty();
    }

    @Test
    void aFileThatIsNotAWorkbookAndACallerWithoutTheRightAreRefused() throws Exception {
        Unit unit = unit("157401", true);
        byte[] file = namedList(List.of(List.of("", String.valueOf(unit.id()), "", "民委发〔2026〕30号", "2026-05-20", "")));

        HttpResponse<byte[]> banner = post("nibanner", file);
        assertThat(banner.statusCode()).isEqualTo(403);
        assertThat(new String(banner.body(), StandardCharsets.UTF_8)).contains("无权登记全国命名");

        HttpResponse<byte[]> csv = post("niregion", ("单位名称,单位编号\n测试," + unit.id()).getBytes(StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("文件不是 Excel 工作簿（.xlsx）");

        HttpResponse<byte[]> pdfNamedXlsx = post("niregion", "%PDF-1.7 not a workbook".getBytes(StandardCharsets.UTF_8));
        assertThat(pdfNamedXlsx.statusCode()).isEqualTo(400);
        assertThat(nationalTitles(unit)).isEmpty();
    }

    @Test
    void theRegistryPageUploadsTheNamedListAndOffersItsTemplate() throws Exception {
        Unit unit = unit("157402", true);
        byte[] file = namedList(List.of(List.of(unit.name(), "", "157402", "民委发〔2026〕31号", "DATE:2026-06-01", "第十一批")));
        WebappSession browser = new WebappSession(port);
        assertThat(browser.loginStatus("niregion", "secret-niregion")).isEqualTo(200);

        HttpResponse<String> form = browser.page(NationalImportPage.PATH);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("导入全国命名名单", "命名文号", "命名日期", "导入全国命名");
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();

        var template = RegistryListTest.read(browser.download(NationalImportPage.PATH + "/template.xlsx").body());
        assertThat(template.get(0).stream().map(c -> c == null ? "" : c.getText()).toList()).containsExactlyElementsOf(NationalImport.HEADER);

        String boundary = "----national" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n" + token.group(1) + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\nALL\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"national.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> upload = browser.exchange(HttpRequest.newBuilder(URI.create(browser.base() + NationalImportPage.PATH))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-XSRF-TOKEN", String.valueOf(browser.csrfToken()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        String page = new String(upload.body(), StandardCharsets.UTF_8);
        assertThat(upload.statusCode()).as(page).isEqualTo(200);
        assertThat(page).contains("已导入 1 个全国称号", unit.name() + "（157402）民委发〔2026〕31号，2026-06-01");
        assertThat(nationalTitles(unit)).singleElement().satisfies(d -> assertThat(d.batch()).isEqualTo("第十一批"));
    }
}
