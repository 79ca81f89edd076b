package org.openler.skills.sources;

import java.util.regex.Pattern;

/**
 * What a framework version is and where it came from. The slug names the framework across its versions; the
 * licence and attribution travel with every page and export that shows its content.
 */
public record FrameworkInfo(
        String slug,
        String version,
        String name,
        String publisher,
        String licence,
        String attribution,
        String source,
        String format,
        String uri,
        String description,
        String contentSha256) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,99}");

    public FrameworkInfo {
        if (!SLUG.matcher(slug).matches()) {
            throw new SourceException("A framework slug is lower-case letters, digits and dashes: " + slug);
        }
        if (!VERSION.matcher(version).matches()) {
            throw new SourceException("A framework version is letters, digits, dots and dashes (at most 100).");
        }
        name = Text.limit(Text.require(name, "framework name"), 500);
        publisher = Text.limit(publisher.isBlank() ? "unknown" : publisher, 500);
        licence = Text.limit(licence.isBlank() ? "unknown" : licence, 200);
        attribution = Text.limit(attribution, 2000);
        source = Text.limit(source, 2000);
        uri = Text.uri(uri, "framework URI");
    }
}
