package org.openler.skills.sources;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.Locale;

/** Small text rules shared by the readers: required values, length limits, slugs, URIs that fit an index. */
public final class Text {

    /** The longest URI the store keeps (it is part of unique indexes). */
    public static final int MAX_URI = 500;

    /** The longest alternative label the store keeps. */
    public static final int MAX_LABEL = 500;

    private Text() {}

    static String require(String value, String what) {
        if (value.isBlank()) {
            throw new SourceException("Missing " + what + ".");
        }
        return value.strip();
    }

    static String limit(String value, int max) {
        String stripped = value.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }

    static String uri(String value, String what) {
        String uri = require(value, what);
        if (uri.length() > MAX_URI) {
            throw new SourceException(
                    "A " + what + " is longer than " + MAX_URI + " characters: " + uri.substring(0, 80));
        }
        if (uri.chars().anyMatch(Character::isWhitespace)) {
            throw new SourceException("A " + what + " contains white space: " + uri);
        }
        try {
            new URI(uri);
        } catch (URISyntaxException e) {
            throw new SourceException("Not a URI: " + uri);
        }
        return uri;
    }

    /** A slug for names that have none: lower-case ASCII letters and digits joined by dashes. */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "framework" : slug;
    }
}
