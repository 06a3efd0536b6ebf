package org.ethnicunity.platform.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;

/**
 * One mail the {@link DevMailCatcher} received, read once on arrival into what {@code /dev/mails}
 * shows: its plain-text and HTML parts (either may be null).
 *
 * @param number     running number since start, stable while the mail is kept: its address on the page
 * @param receivedAt when the catcher received it
 */
public record CaughtMail(long number, Instant receivedAt, String recipient, String from, String subject,
                         String text, String html) {

    static CaughtMail read(long number, Instant receivedAt, String recipient, MimeMessage message) {
        try {
            String[] parts = new String[2];
            collect(message, parts);
            return new CaughtMail(number, receivedAt, recipient, from(message), message.getSubject(), parts[0], parts[1]);
        } catch (MessagingException | IOException e) {
            // A mail the page cannot show is still listed, so nobody wonders whether it arrived.
            return new CaughtMail(number, receivedAt, recipient, null, null,
                    "无法读取邮件内容 / unreadable mail: " + e.getMessage(), null);
        }
    }

    /** Walks the MIME tree for the first text/plain (parts[0]) and text/html (parts[1]) body, skipping attachments. */
    private static void collect(Part part, String[] parts) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("text/plain") && parts[0] == null) {
            parts[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html") && parts[1] == null) {
            parts[1] = (String) part.getContent();
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), parts);
            }
        }
    }

    private static String from(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0) {
            return null;
        }
        // As mail clients show it: the name unquoted, then the address.
        if (from[0] instanceof InternetAddress address && address.getPersonal() != null) {
            return address.getPersonal() + " <" + address.getAddress() + ">";
        }
        return from[0] instanceof InternetAddress address ? address.getAddress() : from[0].toString();
    }
}
