package org.ethnicunity.platform.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.WebappSession;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attachments over HTTP with the Tasklist login: a unit attaches a PDF before applying, the
 * preliminary reviewer of its region lists and downloads it from the link of their task, and uploads
 * are refused by content type, size and permission (another region, an unclaimed task, a missing
 * CSRF token), none of them storing anything.
 */
class AttachmentsTest extends IntegrationTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired AttachmentRepository attachments;
    @Autowired AttachmentSettings settings;

    private NominationFixture fixture;
    private Campaign campaign;

    @BeforeEach
    void setUp() {
        fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        campaign = fixture.openBannerCampaign(null);
    }

    @Test
    void theApplicantAttachesAPdfBeforeApplyingAndTheReviewerOfTheRegionDownloadsIt() {
        Unit unit = fixture.newUnit("150525");
        WebappSession applicant = session(unit.contactUser(), fixture.passwordOf(unit));
        assertThat(applicant.page("/attachments/start/nomination").body()).contains("发起前上传");
        assertThat(upload(applicant, "/attachments/start/nomination", "创建工作台账.pdf", PDF).statusCode()).isEqualTo(302);
        assertThat(applicant.page("/attachments/start/nomination").body()).contains("创建工作台账.pdf");

        ProcessInstance instance = fixture.apply(unit, campaign);
        assertThat(attachments.ofInstance(instance.getId())).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("创建工作台账.pdf");
            assertThat(file.fileType()).isEqualTo("PDF");
            assertThat(file.uploadedBy()).isEqualTo(unit.contactUser());
        });
        assertThat(applicant.page("/attachments/start/nomination").body()).as("adopted, no longer pending")
                .contains("尚未上传附件");

        Task review = task(instance, "PreliminaryReview");
        String link = (String) engine.getTaskService().getVariableLocal(review.getId(), "attachmentsLink");
        assertThat(link).isEqualTo("/attachments/task/" + review.getId());
        WebappSession reviewer = session("prelim1", "demo");
        HttpResponse<String> page = reviewer.page(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("附件材料：属地初审", "创建工作台账.pdf").doesNotContain("type=\"file\"");
        long id = attachments.ofInstance(instance.getId()).get(0).id();
        HttpResponse<byte[]> download = reviewer.exchange(HttpRequest.newBuilder(URI.create(reviewer.base() + "/attachments/" + id)));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                .contains("UTF-8''");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        // Nobody else: a reviewer of another region, a user logged in nowhere.
        WebappSession foreign = session("prelim2", "demo");
        assertThat(foreign.page(link).statusCode()).isEqualTo(404);
        // Answered like a missing attachment: its existence is not confirmed.
        HttpResponse<byte[]> hidden = foreign.exchange(HttpRequest.newBuilder(URI.create(foreign.base() + "/attachments/" + id)));
        HttpResponse<byte[]> missing = foreign.exchange(HttpRequest.newBuilder(URI.create(foreign.base() + "/attachments/987654321")));
        assertThat(hidden.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
        assertThat(new String(hidden.body(), StandardCharsets.UTF_8).replace("编号为 " + id + " ", "编号为 ID "))
                .isEqualTo(new String(missing.body(), StandardCharsets.UTF_8).replace("编号为 987654321 ", "编号为 ID "));
        WebappSession anonymous = new WebappSession(port);
        HttpResponse<byte[]> anonymousDownload = anonymous.exchange(HttpRequest.newBuilder(
                URI.create(anonymous.base() + "/attachments/" + id)));
        assertThat(new String(anonymousDownload.body(), StandardCharsets.UTF_8)).contains("请先登录").doesNotContain("%PDF");
        // An administrator holds Camunda's READ on every instance.
        WebappSession admin = session("admin", "demo");
        assertThat(admin.exchange(HttpRequest.newBuilder(URI.create(admin.base() + "/attachments/" + id))).body())
                .isEqualTo(PDF);
    }

    @Test
    void uploadsAreRefusedByContentSizeAndPermissionAndStoreNothing() throws IOException {
        Unit unit = fixture.newUnit("150525");
        ProcessInstance instance = fixture.apply(unit, campaign);
        Task review = task(instance, "PreliminaryReview");
        String link = "/attachments/task/" + review.getId();
        WebappSession reviewer = session("prelim1", "demo");

        HttpResponse<byte[]> unclaimed = upload(reviewer, link, "初审意见.pdf", PDF);
        assertThat(unclaimed.statusCode()).isEqualTo(403);
        assertThat(text(unclaimed)).contains("请先在任务列表中认领");
        assertThat(reviewer.page(link).body()).contains("请先在任务列表中认领该任务").doesNotContain("type=\"file\"");
        engine.getTaskService().claim(review.getId(), "prelim1");

        for (var refused : new Object[][] {
                {"伪装.pdf", "<html>这不是PDF</html>".getBytes(StandardCharsets.UTF_8)},
                {"程序.exe", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0}},
                {"图片.jpg", Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 64)},
                {"空壳.docx", zip("[Content_Types].xml", "other/part.xml")},
                {"表格.doc", zip("[Content_Types].xml", "xl/workbook.xml")}}) {
            HttpResponse<byte[]> answer = upload(reviewer, link, (String) refused[0], (byte[]) refused[1]);
            assertThat(answer.statusCode()).as((String) refused[0]).isEqualTo(400);
            assertThat(text(answer)).contains("不是所允许的类型", (String) refused[0]);
        }
        byte[] tooLarge = Arrays.copyOf(PDF, (int) settings.maxFileSize().toBytes() + 1);
        HttpResponse<byte[]> large = upload(reviewer, link, "过大.pdf", tooLarge);
        assertThat(large.statusCode()).isEqualTo(400);
        assertThat(text(large)).contains("超过大小上限 10 MB");

        HttpResponse<byte[]> forged = upload(reviewer, link, "初审意见.pdf", PDF, "not-the-token");
        assertThat(forged.statusCode()).isEqualTo(403);
        WebappSession foreign = session("prelim2", "demo");
        assertThat(upload(foreign, link, "初审意见.pdf", PDF).statusCode()).isEqualTo(404);
        assertThat(attachments.ofInstance(instance.getId())).as("nothing stored by a refused upload").isEmpty();

        assertThat(upload(reviewer, link, "实地照片.docx", zip("[Content_Types].xml", "word/document.xml")).statusCode())
                .isEqualTo(302);
        assertThat(upload(reviewer, link, "汇总表.xls", Arrays.copyOf(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11,
                (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, 512)).statusCode()).isEqualTo(302);
        assertThat(attachments.ofInstance(instance.getId())).extracting(Attachment::fileType).containsExactly("DOCX", "XLS");
    }

    // ---------------------------------------------------------------- helpers

    private Task task(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .singleResult();
    }

    private WebappSession session(String user, String password) {
        WebappSession session = new WebappSession(port);
        session.login(user, password);
        return session;
    }

    private static HttpResponse<byte[]> upload(WebappSession session, String path, String fileName, byte[] content) {
        return upload(session, path, fileName, content, session.csrfToken());
    }

    /** A browser's multipart/form-data post of one file and the page's token. */
    private static HttpResponse<byte[]> upload(WebappSession session, String path, String fileName, byte[] content,
                                               String token) {
        String boundary = "----attachment" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + token + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return session.exchange(HttpRequest.newBuilder(URI.create(session.base() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
