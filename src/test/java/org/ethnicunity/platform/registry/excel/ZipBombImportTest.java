package org.ethnicunity.platform.registry.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.web.RegistryListTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;

/**
 * A zip bomb workbook (the template's, its sheet padded to 60 MB of rows that pack 1,000 to one, the
 * file about 60 KB) is refused in Chinese before the workbook is read, by both imports, with nothing
 * stored; the same file read without the bounds shows what it cost before. A sheet with more cells
 * than allowed is refused as it is read.
 */
class ZipBombImportTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Rows outside the template's columns: empty to the import, so the old reader went through all of them. */
    private static final String PADDING_ROW = "<row r=\"3\"><c r=\"H3\" t=\"inlineStr\"><is><t>x</t></is></c></row>";

    @LocalServerPort int port;
    @Autowired UnitRepository units;

    @BeforeEach
    void people() {
        member("rvimporter", "commission-158401");
        member("niregion", "commission-150000"); // the national list is the autonomous region's (NationalImportTest's user)
    }

    /** The unit template with one row, its sheet padded with rows up to {@code unpacked} bytes. */
    static byte[] bomb(String sheet, List<String> header, long unpacked) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        byte[] template = UnitImportTest.workbook(sheet, rows);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Read as the import reads it (fastexcel writes sizes after each part, which java.util.zip's stream refuses).
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(template)).get();
             ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (ZipArchiveEntry entry : Collections.list(in.getEntries())) {
                byte[] content = in.getInputStream(entry).readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().startsWith("xl/worksheets/")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int end = xml.indexOf("</sheetData>");
                    zip.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
                    byte[] row = PADDING_ROW.getBytes(StandardCharsets.UTF_8);
                    byte[] block = new byte[row.length * 1000];
                    for (int i = 0; i < 1000; i++) {
                        System.arraycopy(row, 0, block, i * row.length, row.length);
                    }
                    for (long written = 0; written < unpacked; written += block.length) {
                        zip.write(block);
                    }
                    zip.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aZipBombIsRefusedBeforeItIsReadAndNothingIsStored() throws Exception {
        byte[] file = bomb(UnitImport.SHEET, UnitImport.HEADER, 60L * 1024 * 1024);
        assertThat(file.length).as("packed size").isLessThan(200 * 1024);
        long before = units.findAll().size();
        for (String[] api : new String[][] {{"/api/registry/units/import", "rvimporter"},
                {"/api/designations/national/import", "niregion"}}) {
            long start = System.nanoTime();
            HttpResponse<byte[]> answer = post(api[1], api[0], file);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("zip bomb (%d KB packed, 60 MB unpacked) refused by %s in %d ms%n", file.length / 1024, api[0], millis);
            assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(400);
            assertThat(JSON.readTree(answer.body()).get("message").asText()).contains("解压后的内容超过导入上限（20 MB");
            assertThat(millis).as("refused before the workbook is read").isLessThan(3000);
        }
        assertThat(units.findAll()).hasSize((int) before);
    }

    @Test
    void withoutTheBoundsTheSameFileIsReadWholeAndTheCheckIsFaster() throws Exception {
        byte[] file = bomb(UnitImport.SHEET, UnitImport.HEADER, 60L * 1024 * 1024);
        XlsxImport.Template template = new XlsxImport.Template(UnitImport.SHEET, UnitImport.HEADER, Set.of());
        XlsxImport unbounded = new XlsxImport(new ImportSettings(DataSize.ofMegabytes(5), 5000, DataSize.ofGigabytes(1),
                1_000_000, Integer.MAX_VALUE));
        long start = System.nanoTime();
        assertThat(unbounded.lines(file, template, new ArrayList<>())).isEmpty();
        long unboundedMillis = (System.nanoTime() - start) / 1_000_000;
        XlsxImport bounded = new XlsxImport(ImportSettings.of(DataSize.ofMegabytes(5), 5000));
        start = System.nanoTime();
        assertThatThrownBy(() -> bounded.lines(file, template, new ArrayList<>())).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("解压后的内容超过导入上限");
        long boundedMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("zip bomb read whole without the bounds: %d ms; refused by the bounds: %d ms%n", unboundedMillis,
                boundedMillis);
        assertThat(boundedMillis).isLessThan(unboundedMillis);
    }

    @Test
    void aSheetWithMoreCellsThanAllowedIsRefused() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.add(UnitImport.HEADER);
        for (int i = 0; i < 20; i++) {
            rows.add(UnitImportTest.row("单位" + i, "学校", "158401", "rvimporter"));
        }
        byte[] file = UnitImportTest.workbook(UnitImport.SHEET, rows);
        XlsxImport few = new XlsxImport(new ImportSettings(DataSize.ofMegabytes(5), 5000, DataSize.ofMegabytes(20), 100, 60));
        assertThatThrownBy(() -> few.lines(file, new XlsxImport.Template(UnitImport.SHEET, UnitImport.HEADER, Set.of()),
                new ArrayList<>())).isInstanceOf(RuleViolation.class).hasMessageContaining("文件超过导入上限 60 个单元格");
    }

    @Test
    void aPartDeclaringMoreThanTheLimitIsRefusedWithoutInflatingIt() throws Exception {
        // A stored (uncompressed) part: its declared size is its real one, 2 KB over a 1 KB limit.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry("xl/big.xml");
            byte[] content = new byte[2048];
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(content.length);
            entry.setCompressedSize(content.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(content);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        }
        ImportSettings settings = new ImportSettings(DataSize.ofMegabytes(5), 5000, DataSize.ofKilobytes(1), 100, 100);
        assertThatThrownBy(() -> PackedWorkbook.requireBounded(out.toByteArray(), settings))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("1 KB");
    }

    private HttpResponse<byte[]> post(String user, String path, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":"
                        + RegistryListTest.password(user)).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

}
