/**
 * Loading frameworks: one import path for every reader (content hash, one transaction, the event after commit), the
 * bundled frameworks of {@code openler-data}, and start-up loading (demo, {@code openler.skills.imports}, the {@code ./openler import} command).
 */
@NullMarked
package org.openler.platform.skills.load;

import org.jspecify.annotations.NullMarked;
