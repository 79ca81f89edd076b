/** Outgoing messages, written in the same transaction as the change that causes them. */
@ApplicationModule(allowedDependencies = {"kernel"})
@NullMarked
package org.openler.platform.outbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
