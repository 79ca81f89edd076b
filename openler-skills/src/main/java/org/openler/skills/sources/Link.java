package org.openler.skills.sources;

/** A directed pair of URIs: broader/narrower, related occupations, or a SKOS mapping with its relation. */
public record Link(String fromUri, String toUri, String relation, int position) {

    public Link {
        fromUri = Text.uri(fromUri, "URI");
        toUri = Text.uri(toUri, "URI");
    }

    public static Link broader(String narrower, String broader) {
        return new Link(narrower, broader, "broader", 0);
    }
}
