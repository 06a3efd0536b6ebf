package org.ethnicunity.platform.annualreview;

import org.camunda.bpm.engine.RuntimeService;
import org.ethnicunity.platform.registry.TitleEnded;
import org.ethnicunity.platform.security.ApiAccess;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A title revoked or expired ends its running annual review, in the transaction that ended the title:
 * the message {@value #MESSAGE} reaches the review's event sub-process. A review whose model in use
 * lacks that sub-process (an edited model) is left running; its follow-up checks the title again.
 * The message is correlated by the platform: whoever revoked the title holds no permission on the
 * review's instance.
 */
@Component
class EndReviewsOfEndedTitle {

    static final String MESSAGE = "titleEnded";

    private final AnnualReviews reviews;
    private final RuntimeService runtime;
    private final ApiAccess access;

    EndReviewsOfEndedTitle(AnnualReviews reviews, @Lazy RuntimeService runtime, ApiAccess access) {
        this.reviews = reviews;
        this.runtime = runtime;
        this.access = access;
    }

    @EventListener
    void on(TitleEnded ended) {
        for (String instance : reviews.running(ended.designationId())) {
            access.asPlatform(() -> {
                if (runtime.createEventSubscriptionQuery().processInstanceId(instance).eventType("message")
                        .eventName(MESSAGE).count() > 0) {
                    runtime.createMessageCorrelation(MESSAGE).processInstanceId(instance)
                            .setVariable(AnnualReviewContract.TITLE_ENDED_STATUS.name(), ended.status().name()).correlateWithResult();
                }
                return null;
            });
        }
    }
}
