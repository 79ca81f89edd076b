package org.openler.platform.skills;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * A competency of one framework version: its source URI (the publisher's own, e.g. ESCO's concept URI), code, kind
 * ({@code skill}, {@code knowledge}, {@code technology}, {@code task}, …), preferred and alternative labels and
 * description (empty when the source has none).
 */
public record Competency(
        UUID id,
        FrameworkRef framework,
        URI uri,
        String code,
        String kind,
        String label,
        String description,
        List<String> altLabels) {

    public Competency {
        altLabels = List.copyOf(altLabels);
    }
}
