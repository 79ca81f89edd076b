/** VC Data Model 2.0, Open Badges 3.0 and CLR 2.0 credentials: builders and structural rules. */
@NullMarked
package org.openler.standards.credentials;

import org.jspecify.annotations.NullMarked;
