package org.openler.platform.organizations;

import org.openler.standards.did.Slug;

/**
 * Organization slugs, by the one rule of {@link Slug} (which the did:web builder applies too): 3 to 63 lower-case
 * letters, digits and single hyphens.
 */
public final class Slugs {

    /** What a person is told when a slug breaks the rule. */
    public static final String RULE = Slug.RULE;

    private Slugs() {}

    public static boolean isValid(String slug) {
        return Slug.isValid(slug);
    }

    /** A slug suggested from a name: "Demo University" becomes "demo-university". */
    public static String fromName(String name) {
        return Slug.fromName(name).value();
    }
}
