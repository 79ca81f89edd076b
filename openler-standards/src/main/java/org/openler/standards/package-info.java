/** Verifiable credentials to open standards, with no framework and no database. */
@NullMarked
package org.openler.standards;

import org.jspecify.annotations.NullMarked;
