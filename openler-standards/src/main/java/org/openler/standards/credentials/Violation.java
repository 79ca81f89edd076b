package org.openler.standards.credentials;

/**
 * A broken structural rule.
 *
 * @param error false for a warning (accepted, but worth saying: an outdated context, say)
 * @param path where, as a JSON-pointer-like path
 * @param message the rule, in plain words
 * @param range true when the problem is a value out of range (dates), false when it is malformed
 */
public record Violation(boolean error, String path, String message, boolean range) {

    static Violation error(String path, String message) {
        return new Violation(true, path, message, false);
    }

    static Violation warning(String path, String message) {
        return new Violation(false, path, message, false);
    }
}
