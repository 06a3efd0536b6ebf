package org.ethnicunity.platform.mail;

/**
 * A file sent with a notice: an attachment, or, with a content id, a part its HTML shows inline
 * ({@code <img src="cid:chart">}; mail clients block {@code data:} images).
 */
public record MailAttachment(String filename, String contentType, byte[] content, String contentId) {

    public static MailAttachment file(String filename, String contentType, byte[] content) {
        return new MailAttachment(filename, contentType, content, null);
    }

    public static MailAttachment inline(String contentId, String filename, String contentType, byte[] content) {
        return new MailAttachment(filename, contentType, content, contentId);
    }
}
