/** Backup and restore: a PostgreSQL dump and the master key bring back every credential, key and wallet. */
@NullMarked
package org.openler.platform.backup;

import org.jspecify.annotations.NullMarked;
