package org.openler.standards.did;

import java.util.regex.Pattern;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/** A DID ({@code did:<method>:<id>}), without fragment. Validated at construction. */
public record Did(String value) {

    private static final Pattern SYNTAX = Pattern.compile("did:[a-z0-9]+:[A-Za-z0-9._%:-]*[A-Za-z0-9._%-]");

    public Did {
        if (!SYNTAX.matcher(value).matches()) {
            throw new StandardsException(Code.INVALID_DID, "Not a DID: " + abbreviate(value));
        }
    }

    public static Did of(String value) {
        return new Did(value);
    }

    /** The method name, e.g. {@code key} or {@code web}. */
    public String method() {
        return value.substring(4, value.indexOf(':', 4));
    }

    /** The method-specific identifier. */
    public String methodSpecificId() {
        return value.substring(value.indexOf(':', 4) + 1);
    }

    @Override
    public String toString() {
        return value;
    }

    static String abbreviate(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
