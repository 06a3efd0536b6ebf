package org.ethnicunity.platform.nomination;

import java.util.HashMap;
import java.util.Map;
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
        Map<String, Object> local = new HashMap<>();
        NominationContract.OBJECTOR_NAME.put(local, objection.name());
        NominationContract.OBJECTOR_CONTACT.put(local, objection.contact());
        NominationContract.OBJECTOR_EMAIL.put(local, objection.email());
        NominationContract.OBJECTION_CONTENT.put(local, objection.content());
        NominationContract.OBJECTION_EVIDENCE_LINK.put(local, objection.evidenceLink());
        NominationContract.OBJECTION_RECEIPT.put(local, objection.receipt());
        NominationContract.OBJECTION_REGISTERED_BY.put(local, objection.registeredBy());
        // Blank verdict per objection, so a second objection's form does not show the first's answer.
        NominationContract.OBJECTION_UPHELD.put(local, null);
        NominationContract.OBJECTION_REPLY.put(local, null);
        runtime.createMessageCorrelation(NAME).processInstanceId(processInstanceId).setVariablesLocal(local)
                .correlateWithResult();
    }
}
