package org.openler.skills.suggest;

import java.net.URI;

/**
 * One occupation a job title may mean: the ESCO occupation, its O*NET-SOC code through the ESCO–O*NET crosswalk
 * (empty when the crosswalk has none), its label and a calibrated score — the estimated probability that this is the
 * right occupation, so callers can cut at a threshold.
 */
public record TitleSuggestion(URI uri, String onet, String label, double score) {

    public TitleSuggestion {
        if (label.isBlank()) {
            throw new IllegalArgumentException("A title suggestion names its occupation");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("A score is a probability: " + score);
        }
    }
}
