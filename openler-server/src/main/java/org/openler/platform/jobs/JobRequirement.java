package org.openler.platform.jobs;

import java.net.URI;

/**
 * One skill a job asks for: the competency's URI and label in the ontology, a weight in (0, 1], required or only
 * preferred, the level expected (1 novice … 5 expert), and where the proposal came from ({@code rated}, {@code
 * related}, {@code technology}, {@code esco}, {@code dwa} for an O*NET detailed work activity, whose URI names the
 * activity rather than a skill, or {@code employer} for one the employer added).
 */
public record JobRequirement(URI skill, String label, double weight, boolean required, int level, String source) {

    public JobRequirement {
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("A requirement's weight is in (0, 1]");
        }
        if (level < 1 || level > 5) {
            throw new IllegalArgumentException("A requirement's level is 1 to 5");
        }
        if (label.isBlank()) {
            throw new IllegalArgumentException("A requirement needs a label");
        }
    }
}
