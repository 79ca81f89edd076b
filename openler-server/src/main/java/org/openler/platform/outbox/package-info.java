/** Outgoing messages, written in the same transaction as the change that causes them. */
@NullMarked
package org.openler.platform.outbox;

import org.jspecify.annotations.NullMarked;
