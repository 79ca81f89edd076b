/**
 * Issuing verifiable credentials: an organization's signing keys and did:web document, its Open Badges 3.0
 * achievements, issuance (eddsa-rdfc-2022) with status list entries, revocation and suspension, and the published
 * Bitstring Status List credentials.
 */
@NullMarked
package org.openler.platform.issuing;

import org.jspecify.annotations.NullMarked;
