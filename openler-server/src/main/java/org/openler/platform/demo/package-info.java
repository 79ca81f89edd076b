/** Demo mode: seeds demo organizations, people and a machine client, idempotently. */
@NullMarked
package org.openler.platform.demo;

import org.jspecify.annotations.NullMarked;
