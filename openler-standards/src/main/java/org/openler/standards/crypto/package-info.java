/** Ed25519 (BouncyCastle), multibase and Multikey encodings. */
@NullMarked
package org.openler.standards.crypto;

import org.jspecify.annotations.NullMarked;
