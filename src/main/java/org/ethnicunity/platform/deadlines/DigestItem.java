package org.ethnicunity.platform.deadlines;

/**
 * One line of a reminder digest: a task due soon, overdue, or escalated to its supervisors. An
 * escalated line also says who holds the task ({@code holder}), so the supervisor knows whom to chase.
 */
public record DigestItem(String processName, String unitName, String taskName, String due, String state,
                         String link, String holder) {

    public boolean escalation() {
        return holder != null;
    }
}
