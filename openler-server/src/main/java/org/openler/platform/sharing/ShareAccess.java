package org.openler.platform.sharing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One access to a share: when, what was done (opened the page or the JSON, downloaded the presentation) and by whom,
 * as far as the platform knows: an organization (a signed-in staff member or a machine client), a signed-in person
 * without one, nobody signed in, or the learner looking at their own link.
 */
public record ShareAccess(
        UUID id,
        UUID shareId,
        Instant at,
        Kind kind,
        PartyKind partyKind,
        @Nullable String organizationName) {

    public enum Kind {
        OPENED,
        DOWNLOADED
    }

    public enum PartyKind {
        ANONYMOUS,
        PERSON,
        ORGANIZATION,
        OWNER
    }

    /** The party in plain English, for the privacy center's access list and the API. */
    public String partyInWords() {
        return switch (partyKind) {
            case ORGANIZATION -> organizationName == null ? "An organization (since deleted)" : organizationName;
            case PERSON -> "A signed-in person without an organization";
            case ANONYMOUS -> "Someone with the link, not signed in";
            case OWNER -> "You";
        };
    }
}
