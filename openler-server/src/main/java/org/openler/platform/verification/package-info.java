/** Verifying credentials and presentations for anyone: the API (VC-API shapes) and the public verify page. */
@NullMarked
package org.openler.platform.verification;

import org.jspecify.annotations.NullMarked;
