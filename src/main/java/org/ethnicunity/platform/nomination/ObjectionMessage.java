package org.ethnicunity.platform.nomination;

import org.camunda.bpm.engine.RuntimeService;

/** The message that starts the verification of one objection, with the objection as local variables. */
final class ObjectionMessage {

    static final String NAME = "nominationObjection";

    /**
     * One real-name objection. Email, evidence link and receipt are set for objections filed on the
     * public notice page (the objector is mailed the receipt and the answer); null for those
     * registered by commission staff.
     */
    record Objection(String name, String contact, String email, String content, String evidenceLink,
                     String receipt, String registeredBy) {
    }

    private ObjectionMessage() {
    }

    static void correlate(RuntimeService runtime, String processInstanceId, String name, String contact,
                          String content, String registeredBy) {
        correlate(runtime, processInstanceId, new Objection(name, contact, null, content, null, null, registeredBy));
    }

    static void correlate(RuntimeService runtime, String processInstanceId, Objection objection) {
        runtime.createMessageCorrelation(NAME).processInstanceId(processInstanceId)
                .setVariableLocal("objectorName", objection.name())
                .setVariableLocal("objectorContact", objection.contact())
                .setVariableLocal("objectorEmail", objection.email())
                .setVariableLocal("objectionContent", objection.content())
                .setVariableLocal("objectionEvidenceLink", objection.evidenceLink())
                .setVariableLocal("objectionReceipt", objection.receipt())
                .setVariableLocal("objectionRegisteredBy", objection.registeredBy())
                // Blank verdict per objection, so a second objection's form does not show the first's answer.
                .setVariableLocal("objectionUpheld", null)
                .setVariableLocal("objectionReply", null)
                .correlateWithResult();
    }
}
