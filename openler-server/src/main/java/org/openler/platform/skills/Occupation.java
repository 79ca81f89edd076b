package org.openler.platform.skills;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** An occupation of one framework version; {@code jobZone} 1–5 (O*NET), or 0 when the framework has none. */
public record Occupation(
        UUID id,
        FrameworkRef framework,
        URI uri,
        String code,
        String title,
        String description,
        int jobZone,
        List<String> altTitles) {

    public Occupation {
        altTitles = List.copyOf(altTitles);
    }
}
