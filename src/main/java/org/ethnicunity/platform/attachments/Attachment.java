package org.ethnicunity.platform.attachments;

import java.time.OffsetDateTime;

/** One stored file's description (its content is read on download only). */
public record Attachment(long id, String processKey, String processInstanceId, String taskId, String taskName,
                         String fileName, String fileType, long sizeBytes, String sha256, String uploadedBy,
                         OffsetDateTime uploadedAt) {

    /** 512 B, 12.3 KB, 4.5 MB: for the lists. */
    public String size() {
        if (sizeBytes < 1024) {
            return sizeBytes + " B";
        }
        return sizeBytes < 1024 * 1024 ? String.format("%.1f KB", sizeBytes / 1024.0)
                : String.format("%.1f MB", sizeBytes / (1024.0 * 1024));
    }
}
