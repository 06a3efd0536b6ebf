package org.ethnicunity.platform.web;

/**
 * The largest request body accepted under a path, and what a person is told when one is larger (413).
 * A module declares one as a bean for its own paths; {@link BoundedBodies} applies the longest
 * matching prefix, {@code app.web.max-request-body} elsewhere.
 *
 * @param pathPrefix the start of the request path (without the context path), e.g. {@code /public/notices/}
 * @param maxBytes   the largest body, in bytes
 * @param message    the Chinese sentence the refusal carries
 */
public record BodyLimit(String pathPrefix, long maxBytes, String message) {

    public BodyLimit {
        if (pathPrefix == null || !pathPrefix.startsWith("/") || maxBytes < 1) {
            throw new IllegalArgumentException("a body limit needs a path starting with / and a positive size: "
                    + pathPrefix + " " + maxBytes);
        }
    }
}
