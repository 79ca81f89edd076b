package org.openler.platform.organizations;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Organization slugs: lower-case letters, digits and single hyphens, 3 to 64 characters. */
public final class Slugs {

    private static final Pattern VALID = Pattern.compile("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,63}$");

    private Slugs() {}

    public static boolean isValid(String slug) {
        return VALID.matcher(slug).matches();
    }

    /** A slug suggested from a name: "Demo University" becomes "demo-university". */
    public static String fromName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > 64) {
            slug = slug.substring(0, 64).replaceAll("-$", "");
        }
        return slug.length() < 3 ? (slug + "-org").replaceAll("^-", "") : slug;
    }
}
