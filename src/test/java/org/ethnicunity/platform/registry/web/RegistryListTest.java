package org.ethnicunity.platform.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.WebappSession;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.excel.XlsxExport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The designation list against {@link RegistrySeed}'s known counts: each filter, paging, sorting,
 * the region scoping of the JSON, the page and the export, and the export read back.
 */
public class RegistryListTest extends IntegrationTest {

    private static final String API = "/api/registry/designations";

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired DesignationRepository designations;

    RestClient rest;

    @BeforeEach
    void seed() {
        RegistrySeed.ensure(units, designations, this::member);
        member("rvcity", "commission-" + RegistrySeed.CITY);
        member("rvbanner", "commission-" + RegistrySeed.LEFT);
        member("rvforeign", "prelim-" + RegistrySeed.FOREIGN);
        member("rvsupervisor", "supervision-" + RegistrySeed.CITY);
        rest = new RestClient(port);
    }

    private JsonNode list(String user, String query) {
        RestClient.Response r = rest.get(user, password(user), API + query);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    /** The demo administrator's password is demo; the test's own users have secret-id. */
    public static String password(String user) {
        return "admin".equals(user) ? "demo" : "secret-" + user;
    }

    private long total(String user, String query) {
        return list(user, query).get("total").asLong();
    }

    @Test
    void eachFilterCountsExactlyTheSeededDesignations() {
        assertThat(total("rvcity", "")).isEqualTo(12);
        assertThat(total("rvcity", "?level=CITY")).isEqualTo(2);
        assertThat(total("rvcity", "?region=158121")).isEqualTo(8);
        assertThat(total("rvcity", "?region=158122")).isEqualTo(4);
        assertThat(total("rvcity", "?unitType=SCHOOL")).as("3+2 of 158121, 2 of 158122").isEqualTo(7);
        assertThat(total("rvcity", "?unitType=" + enc("学校") + "&level=BANNER")).isEqualTo(5);
        assertThat(total("rvcity", "?status=RECTIFYING")).isEqualTo(1);
        assertThat(total("rvcity", "?year=2024")).isEqualTo(3);
        assertThat(total("rvcity", "?year=2025&region=158121")).isEqualTo(6);
        assertThat(total("rvcity", "?batch=" + enc("2025第一批"))).isEqualTo(4);
        assertThat(total("rvcity", "?q=" + enc("社区"))).isEqualTo(3);
        assertThat(total("rvcity", "?level=CITY&unitType=COMMUNITY")).isZero();
        // An administrator sees every region: the city's and the other league's titles.
        assertThat(total("admin", "?region=158100")).isEqualTo(12);
        assertThat(total("admin", "?region=158201")).isEqualTo(3);
    }

    @Test
    void pagesAndOrders() {
        JsonNode first = list("rvcity", "?region=158121&sort=unit&dir=asc&size=5&page=0");
        assertThat(first.get("total").asLong()).isEqualTo(8);
        assertThat(first.get("items")).hasSize(5);
        assertThat(first.findValuesAsText("unitName")).containsExactly("阿左旗第1学校", "阿左旗第1学校", "阿左旗第2学校",
                "阿左旗第2学校", "阿左旗第3学校");
        JsonNode second = list("rvcity", "?region=158121&sort=unit&dir=asc&size=5&page=1");
        assertThat(second.findValuesAsText("unitName")).containsExactly("阿左旗第4社区", "阿左旗第5社区", "阿左旗第6社区");
        assertThat(list("rvcity", "?region=158121&size=5&page=2").get("items")).isEmpty();

        JsonNode byDate = list("rvcity", "?region=158121&level=BANNER&sort=namedDate&dir=asc");
        assertThat(byDate.findValuesAsText("namedDate")).isSorted().first().isEqualTo("2024-05-05");
        JsonNode first2 = byDate.get("items").get(0);
        assertThat(first2.get("levelLabel").asText()).isEqualTo("旗县级");
        assertThat(first2.get("statusLabel").asText()).isEqualTo("已命名");
        assertThat(first2.get("year").asInt()).isEqualTo(2024);
    }

    @Test
    void badParametersAreRefusedInChinese() {
        for (String query : List.of("?level=TOWN", "?region=1529", "?year=24", "?sort=secret", "?dir=up", "?size=0",
                "?size=501", "?page=-1", "?status=GONE", "?unitType=" + enc("工厂"))) {
            RestClient.Response r = rest.get("rvcity", "secret-rvcity", API + query);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.body().get("message").asText()).as(query).matches(".*[\\u4e00-\\u9fa5].*");
            assertThat(r.raw()).doesNotContain("Exception");
        }
    }

    @Test
    void everybodySeesTheirRegionOnly() {
        assertThat(total("rvbanner", "")).as("commission of 158121 only").isEqualTo(8);
        assertThat(total("rvbanner", "?region=158122")).isZero();
        assertThat(total("rvbanner", "?region=158100")).isEqualTo(8);
        assertThat(list("rvbanner", "").findValuesAsText("regionCode")).containsOnly("158121");
        assertThat(total("rvsupervisor", "")).as("any regional role reads its region").isEqualTo(12);
        assertThat(list("rvforeign", "").findValuesAsText("regionCode")).doesNotContain("158121", "158122");
        assertThat(total("rvforeign", "?region=158201")).isEqualTo(3);
        assertThat(list(RegistrySeed.CONTACT, "").findValuesAsText("unitName")).as("a contact sees their own unit's titles")
                .containsExactly("阿左旗第1学校", "阿左旗第1学校");
        assertThat(rest.get(null, null, API).status()).isEqualTo(401);
        assertThat(rest.get(null, null, API + ".xlsx").status()).isEqualTo(401);
    }

    @Test
    void theExportHasEveryMatchingRowWithChineseHeadersAndRealDates() throws Exception {
        HttpResponse<byte[]> answer = download("rvcity", API + ".xlsx?region=158121&sort=unit&dir=asc");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(XlsxExport.CONTENT_TYPE);
        assertThat(answer.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).contains("attachment", "filename*=UTF-8''" + enc("命名记录")));
        List<Row> rows = read(answer.body());
        assertThat(rows.get(0).getCellText(1)).isEqualTo("单位名称");
        assertThat(rows.get(0).getCellText(9)).isEqualTo("命名日期");
        assertThat(rows).hasSize(1 + 8);
        assertThat(rows.subList(1, 9).stream().map(r -> r.getCellText(1)).distinct().toList())
                .containsExactlyElementsOf(RegistrySeed.leftNames());
        Row first = rows.get(1);
        assertThat(first.getCell(9).getType()).as("a date cell, not text").isEqualTo(CellType.NUMBER);
        assertThat(first.getCell(9).getDataFormatString()).contains("yy");
        assertThat(first.getCellAsDate(9).orElseThrow().toLocalDate()).isIn(java.time.LocalDate.of(2025, 4, 1),
                java.time.LocalDate.of(2025, 9, 1));
        // Scoped like the list: the banner's commission exports nothing of the other banner.
        List<Row> scoped = read(download("rvbanner", API + ".xlsx?region=158122").body());
        assertThat(scoped).hasSize(1);
        // A bad filter is refused before the download starts.
        assertThat(download("rvcity", API + ".xlsx?level=TOWN").statusCode()).isEqualTo(400);
    }

    @Test
    void thePageShowsTheFilteredListToTheLoggedInPersonOnly() {
        WebappSession browser = new WebappSession(port);
        assertThat(browser.page("/registry/designations").body()).contains("请先登录").doesNotContain("阿左旗");
        assertThat(browser.login("rvbanner", "secret-rvbanner")).isTrue();
        HttpResponse<String> page = browser.page("/registry/designations?level=CITY");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("共 <b>2</b> 条", "阿左旗第1学校", "阿左旗第2学校", "盟市级",
                "/registry/designations.xlsx?level=CITY").doesNotContain("阿右旗", "乌兰浩特");
        HttpResponse<String> refused = browser.page("/registry/designations?year=abc");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("参数 year 须为四位年份").doesNotContain("Exception");
        assertThat(browser.page("/registry").statusCode()).isIn(200, 302);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    HttpResponse<byte[]> download(String user, String path) throws Exception {
        return new Downloader(port).response(user, path);
    }

    /** Downloads a file over /api as a user (HTTP Basic). */
    public record Downloader(int port) {

        HttpResponse<byte[]> response(String user, String path) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
            if (user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8)));
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        public byte[] get(String user, String path) throws Exception {
            HttpResponse<byte[]> answer = response(user, path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            return answer.body();
        }
    }

    public static List<Row> read(byte[] xlsx) throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            try (var rows = workbook.getFirstSheet().openStream()) {
                return new ArrayList<>(rows.toList());
            }
        }
    }
}
