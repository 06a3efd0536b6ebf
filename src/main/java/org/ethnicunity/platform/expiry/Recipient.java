package org.ethnicunity.platform.expiry;

/** Who is told: the unit's contact ({@code userId} null) or a member of the granting commission. */
record Recipient(String userId, String name, String email) {

    boolean isUnit() {
        return userId == null;
    }
}
