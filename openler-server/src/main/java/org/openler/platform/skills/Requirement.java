package org.openler.platform.skills;

import java.net.URI;
import java.util.UUID;

/**
 * What an occupation requires: a competency (of any framework: crosswalk requirements point into another one),
 * weight 0–1, proficiency 1–5 or 0 when unrated, essential or optional, the source, and for technology skills O*NET's
 * hot-technology and in-demand flags.
 */
public record Requirement(
        UUID competencyId,
        URI competencyUri,
        String code,
        String label,
        String kind,
        FrameworkRef framework,
        double weight,
        int proficiency,
        boolean essential,
        RequirementSource source,
        boolean hotTechnology,
        boolean inDemand) {}
