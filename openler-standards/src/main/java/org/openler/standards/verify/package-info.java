/** One verifier for credentials and presentations, reporting each check with a plain reason. */
@NullMarked
package org.openler.standards.verify;

import org.jspecify.annotations.NullMarked;
