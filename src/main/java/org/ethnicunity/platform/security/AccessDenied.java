package org.ethnicunity.platform.security;

/** Answered with 403: the user is known but may not do this. */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String message) {
        super(message);
    }
}
