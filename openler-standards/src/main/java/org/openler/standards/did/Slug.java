package org.openler.standards.did;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/**
 * An organization's short name in web addresses and in its did:web ({@code did:web:<host>:orgs:<slug>}): 3 to 63
 * lower-case letters, digits and single hyphens, starting and ending with a letter or digit. The one rule for
 * sign-up, the organization service and the did:web builder (63 is a DNS label's limit, so a slug can also become a
 * host name); the sign-up once allowed 64 and the 64th character became a 500 when the DID was built.
 */
public record Slug(String value) {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 63;

    /** What people are told when a slug does not follow the rule. */
    public static final String RULE = "Use " + MIN_LENGTH + " to " + MAX_LENGTH
            + " lower-case letters, digits and single hyphens, starting and ending with a letter or digit.";

    private static final Pattern VALID =
            Pattern.compile("[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){" + (MIN_LENGTH - 1) + "," + (MAX_LENGTH - 1) + "}");

    public Slug {
        if (!isValid(value)) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "Not an organization slug. " + RULE);
        }
    }

    public static boolean isValid(String value) {
        return VALID.matcher(value).matches();
    }

    public static Optional<Slug> parse(String value) {
        return isValid(value) ? Optional.of(new Slug(value)) : Optional.empty();
    }

    /** A slug suggested from a name: "Demo University" becomes "demo-university"; always valid. */
    public static Slug fromName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        if (slug.length() < MIN_LENGTH) {
            slug = (slug + "-org").replaceAll("^-", "");
        }
        return new Slug(slug);
    }

    @Override
    public String toString() {
        return value;
    }
}
