package org.ethnicunity.platform.registry.excel;

import static org.ethnicunity.platform.registry.excel.XlsxExport.column;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.registry.Unit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The unit import over HTTP: the .xlsx file is the request body ({@code curl --data-binary @units.xlsx}),
 * {@code mode} CHECK (only check), ALL (import only if every row is good: else 400 with the problems,
 * nothing imported) or GOOD (import the good rows, list the skipped ones). {@code /problems.xlsx}
 * answers the problems of a file as a workbook; {@code /template.xlsx} is the empty template.
 */
@RestController
@RequestMapping("/api/registry/units/import")
class UnitImportController {

    static final List<XlsxExport.Column<XlsxImport.Problem>> PROBLEMS = List.of(
            column("行号", 8, XlsxImport.Problem::row),
            column("列", 14, XlsxImport.Problem::column),
            column("问题", 80, XlsxImport.Problem::message));

    private final UnitImport unitImport;
    private final BusinessClock clock;

    UnitImportController(UnitImport unitImport, BusinessClock clock) {
        this.unitImport = unitImport;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<XlsxImport.Result<Unit>> run(@RequestParam(defaultValue = "ALL") String mode, HttpServletRequest request)
            throws IOException {
        XlsxImport.Result<Unit> result = unitImport.run(body(request), mode(mode));
        return ResponseEntity.status(result.refused() ? HttpStatus.BAD_REQUEST : HttpStatus.OK).body(result);
    }

    @PostMapping("/problems.xlsx")
    void problems(HttpServletRequest request, HttpServletResponse response) throws IOException {
        XlsxImport.Result<Unit> result = unitImport.run(body(request), XlsxImport.Mode.CHECK);
        XlsxExport.prepare(response, "单位导入问题-" + clock.today() + ".xlsx");
        writeProblems(response.getOutputStream(), clock.zone(), result.problems());
    }

    @GetMapping("/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        XlsxExport.prepare(response, "单位导入模板.xlsx");
        writeTemplate(response.getOutputStream(), clock.zone());
    }

    /**
     * The file as the request body. A form encoding would have the servlet container read the body
     * as form fields: such a request is refused with the right way to send it.
     */
    private byte[] body(HttpServletRequest request) throws IOException {
        return body(request, unitImport::read, "units.xlsx");
    }

    /** An upload's body, read by {@code reader} within the limit; {@code example} names the file in the refusal. */
    static byte[] body(HttpServletRequest request, Reader reader, String example) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/")) {
            throw new RuleViolation("file.contentType", "请将 .xlsx 文件内容作为请求体上传，Content-Type 为 "
                    + XlsxExport.CONTENT_TYPE + " 或 application/octet-stream（curl --data-binary @" + example
                    + " -H 'Content-Type: application/octet-stream'）");
        }
        return reader.read(request.getInputStream());
    }

    /** Reads an upload within the import's limit. */
    interface Reader {
        byte[] read(java.io.InputStream in) throws IOException;
    }

    static XlsxImport.Mode mode(String mode) {
        return XlsxImport.mode(mode);
    }

    static void writeProblems(OutputStream out, ZoneId zone, List<XlsxImport.Problem> problems) {
        XlsxExport.write(out, zone, "问题", PROBLEMS, sink -> problems.forEach(sink));
    }

    /** The template: the sheet 单位 with its header only (an example row would be imported as a unit). */
    static void writeTemplate(OutputStream out, ZoneId zone) {
        writeTemplate(out, zone, UnitImport.SHEET, UnitImport.HEADER);
    }

    /** An import's template: its sheet with the header only, the first (name) column wide. */
    static void writeTemplate(OutputStream out, ZoneId zone, String sheet, List<String> header) {
        List<XlsxExport.Column<String[]>> columns = new java.util.ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            int index = c;
            columns.add(column(header.get(c), c == 0 ? 36 : 16, (String[] row) -> row[index]));
        }
        XlsxExport.write(out, zone, sheet, columns, sink -> { });
    }
}
