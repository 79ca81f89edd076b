/**
 * Taking a credential to an external wallet: a learner's offer of a held credential (QR code and links), answered by a
 * VC-API exchange (DIDAuthentication, as the DCC Learner Credential Wallet uses it) or by OpenID4VCI 1.0's
 * pre-authorized code flow. Either way the credential is issued again to the wallet's DID by the organization that
 * issued it. The protocol endpoints use their own short-lived, single-exchange tokens, not the platform's sessions
 * or OAuth clients, and have their own security filter chain.
 */
@ApplicationModule(
        allowedDependencies = {"audit", "issuing", "kernel", "keys", "problems", "security", "status", "wallet", "web"})
@NullMarked
package org.openler.platform.exchange;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
