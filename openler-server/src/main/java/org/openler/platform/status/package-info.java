/**
 * The status of issued credentials. Bitstring Status List v1.0 lists (random indexes never reused, lists that close
 * when full, each list signed by the issuer identity of its credentials), the IETF Token Status List beside each
 * revocation list for SD-JWT VCs, their public endpoints, and the changes themselves: revocation (final), suspension
 * and reinstatement ({@link org.openler.platform.status.CredentialStatuses}), typed as {@link
 * org.openler.platform.status.CredentialStatus} for credentials named by {@link
 * org.openler.platform.status.CredentialId}. The verifier reads this platform's lists and statuses here. Uses the
 * issuers module's keys; issuing allocates its status entries here.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"audit", "issuers", "kernel", "problems", "transparency"})
package org.openler.platform.status;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
