package org.openler.platform.matching;

import java.net.URI;

/**
 * One skill a target asks for: the competency's URI (ESCO, O*NET, NICE, a state's own framework), its label, its
 * weight (0–1, relative importance within the target), whether it is required (else preferred), and the level asked
 * (1–5, 0 when the target does not rate it).
 */
public record TargetSkill(URI skillUri, String label, double weight, boolean required, int level) {

    public TargetSkill {
        if (!Double.isFinite(weight) || weight < 0 || weight > 1) {
            throw new IllegalArgumentException("A requirement's weight is between 0 and 1");
        }
        if (level < 0 || level > 5) {
            throw new IllegalArgumentException("A requirement's level is 1–5, or 0 when unrated");
        }
        if (label.isBlank()) {
            label = skillUri.toString();
        }
    }
}
