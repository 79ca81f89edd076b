package org.openler.platform.matching;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * One skill the learner has, with everything that backs it and the level it is held at (1–5, 0 when nothing states
 * a level). A source may state its own level (a credential's achieved rubric level, the learner's own estimate); one
 * that does not is taken at the evidence's level. Built from the skills profile; the engine never reads anything else
 * about the learner.
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

        /** The level this source states (1–5), 0 when it states none. */
        int level();

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
        record Verified(UUID credential, String credentialName, String issuer, URI alignment, int level)
                implements Source {
            public Verified(UUID credential, String credentialName, String issuer, URI alignment) {
                this(credential, credentialName, issuer, alignment, 0);
            }
        }

        /** A third party's EndorsementCredential of the skill (or of an achievement that has it). */
        record Endorsed(UUID credential, String endorser, int level) implements Source {
            public Endorsed(UUID credential, String endorser) {
                this(credential, endorser, 0);
            }
        }

        /** The learner's own statement, with the level they put themselves at (0 when they gave none). */
        record SelfAsserted(UUID statement, String ownWords, int level) implements Source {
            public SelfAsserted(UUID statement, String ownWords) {
                this(statement, ownWords, 0);
            }
        }
    }

    /** The level a source holds the skill at: its own when it states one, else the evidence's. */
    public int levelOf(Source source) {
        return source.level() > 0 ? Math.min(5, source.level()) : level;
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
