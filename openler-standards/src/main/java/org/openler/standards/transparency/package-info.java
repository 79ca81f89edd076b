/**
 * A transparency log without a blockchain: RFC 9162 (Certificate Transparency 2.0) Merkle tree hashing, inclusion and
 * consistency proofs, and the transparency-dev checkpoint carried as a C2SP signed note with an Ed25519 key. Pure
 * functions over hashes; where the tree's nodes live (memory, a database) is the caller's {@link
 * org.openler.standards.transparency.NodeReader}.
 */
@NullMarked
package org.openler.standards.transparency;

import org.jspecify.annotations.NullMarked;
