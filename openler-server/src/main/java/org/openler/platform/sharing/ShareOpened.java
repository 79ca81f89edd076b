package org.openler.platform.sharing;

import java.util.UUID;

/**
 * Published in the transaction that records an access to a share (an open or a download), so later features can
 * react (notify the learner, count views). Ids only: no party, no token, no credential.
 */
public record ShareOpened(UUID shareId, UUID accessId, ShareAccess.Kind kind) {}
