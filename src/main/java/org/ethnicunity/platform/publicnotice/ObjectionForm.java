package org.ethnicunity.platform.publicnotice;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.ethnicunity.platform.nomination.PublicNotices.PublicObjection;

/**
 * The objection form of the public page as posted. Values are kept as the person typed them (trimmed,
 * control characters dropped): stored as text and escaped wherever shown, never interpreted as HTML.
 */
record ObjectionForm(String designationId, String objectorName, String objectorContact, String objectorEmail,
                     String content, String evidenceLink) {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"']+@[^\\s@<>\"']+\\.[^\\s@<>\"']+");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    /** Control characters but line breaks and tabs; PostgreSQL cannot even store NUL. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    static ObjectionForm empty() {
        return new ObjectionForm("", "", "", "", "", "");
    }

    ObjectionForm {
        designationId = clean(designationId);
        objectorName = clean(objectorName);
        objectorContact = clean(objectorContact);
        objectorEmail = clean(objectorEmail);
        content = clean(content == null ? null : content.replace("\r\n", "\n"));
        evidenceLink = clean(evidenceLink);
    }

    /** What is wrong, one Chinese sentence per field; empty when the form may be filed. */
    List<String> problems(int maxContentLength) {
        List<String> problems = new ArrayList<>();
        if (!designationId.matches("[0-9]{1,18}")) {
            problems.add("请选择异议针对的公示单位");
        }
        if (objectorName.length() < 2 || objectorName.length() > 50) {
            problems.add("请填写异议人真实姓名（2至50个字），异议须实名提出");
        }
        if (objectorContact.isEmpty() || objectorContact.length() > 50) {
            problems.add("请填写联系电话（不超过50个字符）");
        }
        if (objectorEmail.length() > 100 || !EMAIL.matcher(objectorEmail).matches()) {
            problems.add("请填写有效的电子邮箱，受理回执和核实结果将发送到该邮箱");
        }
        if (content.length() < 10 || content.length() > maxContentLength) {
            problems.add("异议内容须写明具体事实，10至" + maxContentLength + "个字（现为" + content.length() + "个字）");
        }
        if (!evidenceLink.isEmpty() && (evidenceLink.length() > 500 || !LINK.matcher(evidenceLink).matches())) {
            problems.add("证据材料链接须为以 http:// 或 https:// 开头的网址（不超过500个字符），没有可不填");
        }
        return problems;
    }

    long designation() {
        return Long.parseLong(designationId);
    }

    PublicObjection objection() {
        return new PublicObjection(objectorName, objectorContact, objectorEmail, content,
                evidenceLink.isEmpty() ? null : evidenceLink);
    }

    private static String clean(String value) {
        return value == null ? "" : CONTROL.matcher(value).replaceAll("").strip();
    }
}
