package org.openler.platform.matching;

import java.net.URI;
import java.util.List;

/**
 * One skill a target asks for: the competency's URI (ESCO, O*NET, NICE, a state's own framework), its label, its
 * weight (0–1, relative importance within the target), whether it is required (else preferred), the level asked (1–5,
 * 0 when the target does not rate it), and the skills it may also be reached {@code through} (for a work activity, the
 * skills O*NET links to it: a learner holding one earns {@link Relation#WORK_ACTIVITY}'s credit; empty for a skill).
 */
public record TargetSkill(URI skillUri, String label, double weight, boolean required, int level, List<URI> through) {

    public TargetSkill(URI skillUri, String label, double weight, boolean required, int level) {
        this(skillUri, label, weight, required, level, List.of());
    }

    public TargetSkill {
        through = List.copyOf(through);
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
