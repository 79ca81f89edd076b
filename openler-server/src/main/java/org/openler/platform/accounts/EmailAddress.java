package org.openler.platform.accounts;

import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address, trimmed and lower-cased; rejects anything that is not plausibly one. */
public record EmailAddress(String value) {

    // Deliberately simple: one @, no spaces, a dot in the domain. Real validation is the mail that arrives.
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    public EmailAddress {
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 320 || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an e-mail address");
        }
    }

    public static boolean isValid(String candidate) {
        try {
            new EmailAddress(candidate);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
