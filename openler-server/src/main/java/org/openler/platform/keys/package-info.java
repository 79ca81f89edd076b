/**
 * Platform key material: {@link org.openler.platform.keys.KeySealer} seals private keys at rest under the master key
 * (AES-256-GCM; a KMS or HSM can replace it), and {@link org.openler.platform.keys.SecretTokens} makes one-time
 * secrets of which only the hash is stored.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.openler.platform.keys;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
