package org.ethnicunity.platform.nomination;

import org.camunda.bpm.engine.RuntimeService;

/** The message that starts the verification of one objection, with the objection as local variables. */
final class ObjectionMessage {

    static final String NAME = "nominationObjection";

    private ObjectionMessage() {
    }

    static void correlate(RuntimeService runtime, String processInstanceId, String name, String contact,
                          String content, String registeredBy) {
        runtime.createMessageCorrelation(NAME).processInstanceId(processInstanceId)
                .setVariableLocal("objectorName", name)
                .setVariableLocal("objectorContact", contact)
                .setVariableLocal("objectionContent", content)
                .setVariableLocal("objectionRegisteredBy", registeredBy)
                // Blank verdict per objection, so a second objection's form does not show the first's answer.
                .setVariableLocal("objectionUpheld", null)
                .setVariableLocal("objectionReply", null)
                .correlateWithResult();
    }
}
