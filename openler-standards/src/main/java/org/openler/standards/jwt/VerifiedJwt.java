package org.openler.standards.jwt;

import jakarta.json.JsonObject;

/**
 * A VC-JWT whose signature and registered claims verified.
 *
 * @param credential the {@code vc} claim
 * @param algorithm the JOSE algorithm, e.g. {@code RS256}
 */
public record VerifiedJwt(JsonObject credential, String algorithm) {}
