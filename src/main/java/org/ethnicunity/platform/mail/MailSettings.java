package org.ethnicunity.platform.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from     sender address of every notice
 * @param baseUrl    the address people use to reach this application, for links in mails
 * @param logContent also write each mail's plain text to the log (the demo profile does, so a
 *                   newcomer without a mail catcher still reads every notice)
 * @param retryBackoff    wait after the first failed attempt; doubled after each further one
 * @param retryBackoffMax the longest wait between two attempts
 * @param ownThread  mails queued by a bulk run (the reminder sweep) are sent on the sender's own
 *                   thread; the tests turn it off to read the mails the moment the run returns
 */
@ConfigurationProperties("app.mail")
public record MailSettings(@DefaultValue("noreply@localhost") String from,
                           @DefaultValue("http://localhost:8080") String baseUrl,
                           @DefaultValue("false") boolean logContent,
                           @DefaultValue("PT30S") java.time.Duration retryBackoff,
                           @DefaultValue("PT1H") java.time.Duration retryBackoffMax,
                           @DefaultValue("true") boolean ownThread) {

    public String tasklistUrl() {
        return baseUrl + "/camunda/app/tasklist/default/";
    }

    public String taskUrl(String taskId) {
        return tasklistUrl() + "#/?task=" + taskId;
    }

    /** The designation's page (registry.DesignationPage), readable after the Tasklist login. */
    public String designationUrl(long designationId) {
        return baseUrl + "/registry/designations/" + designationId;
    }
}
