/**
 * The public transparency log: tamper evidence without a blockchain. Issuance, revocation, suspension and
 * reinstatement, issuer key rotation and registry publication are appended, in the transaction of the event they
 * record, to an append-only RFC 9162 Merkle log; one sequencer at a time gives them their place in the tree and signs
 * a transparency-dev checkpoint with the platform's Ed25519 log key. Entries carry hashes and public identifiers only.
 * Anyone can fetch checkpoints, inclusion and consistency proofs and the entries themselves, and audit the log.
 */
@ApplicationModule(allowedDependencies = {"kernel", "keys", "problems"})
@NullMarked
package org.openler.platform.transparency;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
