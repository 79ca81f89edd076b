package org.openler.platform.skills;

import java.net.URI;
import java.time.Instant;

/**
 * One stored framework version with its provenance: who publishes it, under which licence, the attribution to show
 * with its content, where the import read it and when. {@code format} is the reader that read it ({@code onet},
 * {@code esco}, {@code nice}, {@code crosswalk}, {@code case}, {@code ctdl-asn}, {@code rsd}, {@code rsd-csv}).
 */
public record Framework(
        FrameworkId id,
        String slug,
        String version,
        String name,
        String publisher,
        String licence,
        String attribution,
        String source,
        String format,
        URI uri,
        String description,
        String contentSha256,
        Instant importedAt,
        int competencies,
        int occupations) {

    public FrameworkRef ref() {
        return new FrameworkRef(id, slug, version);
    }
}
