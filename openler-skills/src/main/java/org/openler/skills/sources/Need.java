package org.openler.skills.sources;

/**
 * An occupation's requirement as a source states it: weight 0–1, proficiency 1–5 or 0 when unrated, essential or
 * optional, where it comes from ({@code rated}, {@code listed}, {@code technology}), and O*NET's technology flags.
 */
public record Need(
        String occupationUri,
        String competencyUri,
        String source,
        double weight,
        int proficiency,
        boolean essential,
        boolean hot,
        boolean inDemand) {

    public Need {
        if (!(weight >= 0 && weight <= 1)) {
            throw new SourceException("A requirement weight is between 0 and 1: " + weight);
        }
        if (proficiency < 0 || proficiency > 5) {
            throw new SourceException("A proficiency is 1 to 5: " + proficiency);
        }
    }

    public static Need listed(String occupationUri, String competencyUri, boolean essential) {
        return new Need(occupationUri, competencyUri, "listed", essential ? 1.0 : 0.5, 0, essential, false, false);
    }
}
