package org.openler.platform.matching;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * One skill the learner has, with everything that backs it and the level it is held at (1–5, 0 when nothing states
 * a level). Built from the skills profile; the engine never reads anything else about the learner.
 */
public record Evidence(URI skill, String label, List<Source> sources, int level) {

    public Evidence {
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("Evidence comes from somewhere");
        }
        if (level < 0 || level > 5) {
            throw new IllegalArgumentException("A level is 1–5, or 0 when not stated");
        }
    }

    /** Where the learner's skill comes from. Verified counts most, self-asserted least, and is always labelled. */
    public sealed interface Source {

        /** How much this kind of backing counts (see docs/matching.md). */
        default double strength() {
            return switch (this) {
                case Verified v -> MatchEngine.VERIFIED;
                case Endorsed e -> MatchEngine.ENDORSED;
                case SelfAsserted a -> MatchEngine.SELF_ASSERTED;
            };
        }

        /** {@code verified}, {@code endorsed} or {@code self-asserted}: what the API and the page say. */
        default String kind() {
            return switch (this) {
                case Verified v -> "verified";
                case Endorsed e -> "endorsed";
                case SelfAsserted a -> "self-asserted";
            };
        }

        /**
         * A held credential that verifies now, through its achievement's alignment to {@code alignment} (the URI the
         * credential itself names).
         */
        record Verified(UUID credential, String credentialName, String issuer, URI alignment) implements Source {}

        /** A third party's EndorsementCredential of the skill (or of an achievement that has it). */
        record Endorsed(UUID credential, String endorser) implements Source {}

        /** The learner's own statement. */
        record SelfAsserted(UUID statement, String ownWords) implements Source {}
    }

    /** The strongest backing: what the skill counts for. */
    public Source best() {
        Source best = sources.getFirst();
        for (Source s : sources) {
            if (s.strength() > best.strength()) {
                best = s;
            }
        }
        return best;
    }
}
