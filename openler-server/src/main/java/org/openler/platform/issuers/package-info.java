/**
 * Issuers: an organization as the issuer of credentials. Its Ed25519 signing keys (sealed at rest, rotated, every key
 * kept published) and its P-256 keys for VC-JWTs and SD-JWT VCs, its did:web document ({@code /orgs/<org>/did.json})
 * and keys page, and the identity that signs a credential and its status lists ({@link
 * org.openler.platform.issuers.IssuerIdentity}: the did:web, or the did:key of one key). The other issuing modules
 * exchange one {@link org.openler.platform.issuers.Issuer} value, made by {@link
 * org.openler.platform.issuers.Issuers}. Depends on no issuing module: the bottom of issuers, status, issuing, bulk.
 */
@NullMarked
@ApplicationModule(
        allowedDependencies = {"audit", "kernel", "keys", "organizations", "problems", "security", "transparency"})
package org.openler.platform.issuers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
