package org.openler.standards.json;

import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/**
 * Limits for untrusted JSON. The defaults are safe for credentials and presentations: 1 MB and 64 levels.
 *
 * @param maxBytes largest accepted body, in bytes
 * @param maxDepth deepest accepted nesting of objects and arrays
 */
public record JsonLimits(int maxBytes, int maxDepth) {

    public static final JsonLimits DEFAULT = new JsonLimits(1024 * 1024, 64);

    public JsonLimits {
        if (maxBytes < 2 || maxDepth < 1) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "JSON limits must be positive");
        }
    }
}
