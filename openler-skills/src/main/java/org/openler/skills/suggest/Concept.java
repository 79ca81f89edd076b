package org.openler.skills.suggest;

import java.net.URI;
import java.util.List;

/**
 * One entry of the catalogue the engine ranks: a competency or an occupation of some framework, with the texts that
 * name it. Alternative labels count as synonyms of the preferred one. {@code key} identifies it where its vectors are
 * stored (the platform's competency id; the URI where there is no database).
 */
public record Concept(
        String key,
        URI uri,
        String framework,
        String preferredLabel,
        List<String> alternativeLabels,
        String description,
        ConceptKind kind) {

    public Concept {
        if (key.isBlank()) {
            throw new IllegalArgumentException("A concept needs a key: " + uri);
        }
        if (preferredLabel.isBlank()) {
            throw new IllegalArgumentException("A concept needs a preferred label: " + uri);
        }
        if (framework.isBlank()) {
            throw new IllegalArgumentException("A concept needs a framework: " + uri);
        }
        alternativeLabels = alternativeLabels.stream()
                .map(String::strip)
                .filter(label -> !label.isEmpty() && !label.equals(preferredLabel.strip()))
                .distinct()
                .toList();
        description = description.strip();
    }
}
