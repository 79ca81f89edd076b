/** Security events (sign-in, role changes, client secrets) recorded as ids, never personal data. */
@NullMarked
package org.openler.platform.audit;

import org.jspecify.annotations.NullMarked;
