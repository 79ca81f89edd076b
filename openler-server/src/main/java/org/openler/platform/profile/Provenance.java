package org.openler.platform.profile;

import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Where a skill on the profile came from. Every skill has at least one. */
public sealed interface Provenance {

    /** An alignment of a held credential that verifies now (signature, status, dates). */
    record Verified(UUID credential, String credentialName, String issuer) implements Provenance {}

    /** A verified EndorsementCredential by a third party whose subject is the skill or an achievement that has it. */
    record Endorsed(UUID credential, String endorser, String comment) implements Provenance {}

    /** The learner's own statement, with its evidence if any. */
    record SelfAsserted(
            UUID skill,
            String ownWords,
            @Nullable URI evidenceUrl,
            @Nullable String evidenceText,
            @Nullable UUID evidenceCredential)
            implements Provenance {}
}
