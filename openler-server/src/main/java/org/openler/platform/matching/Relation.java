package org.openler.platform.matching;

/**
 * How a skill the learner has reaches a skill a target asks for, and the share of the requirement it earns. Only
 * {@link #SAME} and {@link #EXACT_MATCH} meet a requirement; the others give partial credit (docs/matching.md).
 */
public enum Relation {
    /** The very skill. */
    SAME(1.0),
    /** The same skill in another framework (a crosswalk's exact match). */
    EXACT_MATCH(1.0),
    /** A crosswalk's close match. */
    CLOSE_MATCH(0.7),
    /** The learner has a narrower, more specific skill of the one asked for (ESCO/O*NET hierarchy, crosswalk). */
    NARROWER(0.6),
    /** The learner has the broader skill the one asked for belongs to. */
    BROADER(0.4),
    /** Both belong to the same broader skill (siblings: two spreadsheet programs, two welding methods). */
    SIBLING(0.3),
    /** A crosswalk's related match. */
    RELATED(0.3);

    private final double credit;

    Relation(double credit) {
        this.credit = credit;
    }

    public double credit() {
        return credit;
    }

    /** Whether evidence reached this way meets the requirement (else it is partial). */
    public boolean meets() {
        return this == SAME || this == EXACT_MATCH;
    }
}
