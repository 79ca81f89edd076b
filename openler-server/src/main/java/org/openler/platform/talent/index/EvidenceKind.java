package org.openler.platform.talent.index;

import org.openler.platform.matching.MatchEngine;

/**
 * The strongest kind of evidence a learner made searchable for one skill. Only the kind goes into the index, never
 * which credential, issuer, date or words: the same cut the anonymous search has always made.
 */
public enum EvidenceKind {
    VERIFIED("verified", MatchEngine.VERIFIED),
    ENDORSED("endorsed", MatchEngine.ENDORSED),
    SELF_ASSERTED("self-asserted", MatchEngine.SELF_ASSERTED);

    private final String label;
    private final double strength;

    EvidenceKind(String label, double strength) {
        this.label = label;
        this.strength = strength;
    }

    /** {@code verified}, {@code endorsed} or {@code self-asserted}: what the API and the page say. */
    public String label() {
        return label;
    }

    /** How much this kind counts toward a requirement: the matching engine's backing. */
    public double strength() {
        return strength;
    }

    /** The stronger of two kinds. */
    public static EvidenceKind stronger(EvidenceKind a, EvidenceKind b) {
        return a.strength >= b.strength ? a : b;
    }
}
