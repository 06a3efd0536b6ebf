package org.ethnicunity.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Request bodies are bounded however they are sent: a chunked body (no Content-Length) over the limit
 * is refused with 413 in Chinese like a declared one, on the API, on the engine's REST API and on the
 * public objection form (32 KB); a chunked body within the limit is read as before, a form's fields
 * included.
 */
class BoundedBodiesTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aChunkedJsonBodyOverTheLimitIsRefusedWith413InChinese() throws Exception {
        byte[] json = ("{\"name\":\"" + "民".repeat(1_000_000) + "\"}").getBytes(StandardCharsets.UTF_8); // 3 MB
        long unitsBefore = units.findAll().size();
        for (String path : new String[] {"/api/units", "/engine-rest/task/no-such-task/submit-form"}) {
            HttpResponse<String> chunked = send(path, "application/json", json, true, "commission1");
            assertThat(chunked.statusCode()).as(path + " chunked").isEqualTo(413);
            assertThat(chunked.body()).contains("请求内容超过上限（2 MB）").doesNotContain("Exception");
            HttpResponse<String> declared = send(path, "application/json", json, false, "commission1");
            assertThat(declared.statusCode()).as(path + " with Content-Length").isEqualTo(413);
        }
        assertThat(units.findAll()).hasSize((int) unitsBefore);
    }

    @Test
    void aChunkedJsonBodyWithinTheLimitIsReadAsBefore() throws Exception {
        byte[] json = "{\"name\":\"\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = send("/api/units", "application/json", json, true, "commission1");
        HttpResponse<String> declared = send("/api/units", "application/json", json, false, "commission1");
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(declared.statusCode()).isEqualTo(400);
        // The same refusal of the same (empty) fields: the chunked body reached the validation whole.
        assertThat(chunked.body()).contains("\"error\":\"invalid\"", "name：", "contactUser：");
    }

    @Test
    void aChunkedObjectionOverThirtyTwoKilobytesIsRefusedBeforeItIsRead() throws Exception {
        Campaign campaign = new NominationFixture(engine, units, campaigns, indicatorSets).openBannerCampaign(null);
        String form = "designationId=1&objectorName=" + URLEncoder.encode("张三", StandardCharsets.UTF_8) + "&content="
                + URLEncoder.encode("异".repeat(20_000), StandardCharsets.UTF_8);
        HttpResponse<String> refused = send("/public/notices/" + campaign.code() + "/objections",
                "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), true, null);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("提交内容过长", "证据材料请以链接方式提供");
    }

    @Test
    void aChunkedObjectionWithinTheLimitHasItsFieldsRead() throws Exception {
        Campaign campaign = new NominationFixture(engine, units, campaigns, indicatorSets).openBannerCampaign(null);
        String form = "objectorName=" + URLEncoder.encode("张三丰", StandardCharsets.UTF_8) + "&objectorContact=13912345678"
                + "&content=" + URLEncoder.encode("异议", StandardCharsets.UTF_8);
        HttpResponse<String> answer = send("/public/notices/" + campaign.code() + "/objections",
                "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), true, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        // The fields sent were read (no complaint about them), the ones left out are asked for.
        assertThat(answer.body()).contains("请选择异议针对的公示单位", "请填写有效的电子邮箱")
                .doesNotContain("请填写异议人真实姓名", "请填写联系电话");
    }

    private HttpResponse<String> send(String path, String type, byte[] body, boolean chunked, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", type + ";charset=UTF-8")
                // An input stream has no length: the client sends it chunked.
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
