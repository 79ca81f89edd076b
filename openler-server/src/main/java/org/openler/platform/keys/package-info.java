/** Platform key material: sealing private keys at rest under the master key, and a store for them. */
@NullMarked
package org.openler.platform.keys;

import org.jspecify.annotations.NullMarked;
