package org.ethnicunity.platform.attachments;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of attachments (附件).
 *
 * @param maxFileSize the largest file accepted (spring.servlet.multipart limits must be at least this)
 * @param maxFilesPerInstance how many files one process instance (or one person's pending files) may hold
 * @param forms the Camunda Forms (their ids) whose tasks get the link variable {@code attachmentsLink}
 *              (/attachments/task/{taskId}) and, for a start form, whose process adopts the starter's
 *              pending files at the start
 */
@ConfigurationProperties("app.attachments")
public record AttachmentSettings(@DefaultValue("10MB") DataSize maxFileSize,
                                 @DefaultValue("30") int maxFilesPerInstance,
                                 @DefaultValue Set<String> forms) {
}
