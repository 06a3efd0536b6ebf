package org.ethnicunity.platform.web;

/** The body of every error answer of {@code /api}: a code for programs, a message for people. */
public record ApiError(String error, String message) {
}
