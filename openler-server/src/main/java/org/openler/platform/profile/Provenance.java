package org.openler.platform.profile;

import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Where a skill on the profile came from. Every skill has at least one. */
public sealed interface Provenance {

    /**
     * An alignment of a held credential that verifies now (signature, status, dates), with the level (1–5) the
     * credential states the learner reached in the skill, 0 when it states none.
     */
    record Verified(UUID credential, String credentialName, String issuer, int level) implements Provenance {

        public Verified(UUID credential, String credentialName, String issuer) {
            this(credential, credentialName, issuer, 0);
        }
    }

    /** A verified EndorsementCredential by a third party whose subject is the skill or an achievement that has it. */
    record Endorsed(UUID credential, String endorser, String comment) implements Provenance {}

    /** The learner's own statement, with its evidence if any, and the level they put themselves at (0: none). */
    record SelfAsserted(
            UUID skill,
            String ownWords,
            @Nullable URI evidenceUrl,
            @Nullable String evidenceText,
            @Nullable UUID evidenceCredential,
            int level)
            implements Provenance {

        public SelfAsserted(
                UUID skill,
                String ownWords,
                @Nullable URI evidenceUrl,
                @Nullable String evidenceText,
                @Nullable UUID evidenceCredential) {
            this(skill, ownWords, evidenceUrl, evidenceText, evidenceCredential, 0);
        }
    }
}
