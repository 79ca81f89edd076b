/** The ontology's tables (V4): writing a framework version in one transaction, and deriving crosswalk requirements. */
@NullMarked
package org.openler.platform.skills.store;

import org.jspecify.annotations.NullMarked;
