/**
 * Selective Disclosure for JWTs (RFC 9901) and SD-JWT VC (draft-ietf-oauth-sd-jwt-vc): issuing with disclosures and
 * decoy digests, presenting chosen disclosures with a Key Binding JWT, and verifying all of it. JWS through Nimbus;
 * the SD-JWT glue (disclosures, digests, sd_hash) is small and written here against the RFC.
 */
@NullMarked
package org.openler.standards.sdjwt;

import org.jspecify.annotations.NullMarked;
