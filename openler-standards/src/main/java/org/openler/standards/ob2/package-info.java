/**
 * Open Badges 2.0 (1EdTech): reading and verifying an Assertion as a wallet imports one — hosted (checked against its
 * issuer's verification policy, and fetched again from its own id) or signed (an RS256 JWS checked with the issuer's
 * CryptographicKey, and the issuer's RevocationList). Every document is obtained through a {@link
 * org.openler.standards.ob2.Fetcher} the caller supplies, so this package never reaches the network by itself.
 */
@NullMarked
package org.openler.standards.ob2;

import org.jspecify.annotations.NullMarked;
