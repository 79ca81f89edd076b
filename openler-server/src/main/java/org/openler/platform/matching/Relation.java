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
    RELATED(0.3),
    /**
     * The requirement is a work activity (an O*NET DWA) and the learner has one of the skills O*NET links to it: the
     * general skill the specific activity draws on, credited as the broader skill is.
     */
    WORK_ACTIVITY(0.4);

    private final double credit;

    Relation(double credit) {
        this.credit = credit;
    }

    public double credit() {
        return credit;
    }

    /**
     * The same edge seen from its other end: if x is narrower than y, y is broader than x; the other relations are
     * symmetric. The training plan reads the ontology around a gap and asks what a credential teaching the other end
     * would earn, so it needs the edge turned round.
     */
    public Relation inverse() {
        return switch (this) {
            case NARROWER -> BROADER;
            case BROADER -> NARROWER;
            default -> this;
        };
    }

    /** Whether evidence reached this way meets the requirement (else it is partial). */
    public boolean meets() {
        return this == SAME || this == EXACT_MATCH;
    }
}
