/** Open Badges 3.0 VC-JWT (JOSE, RS256/ES256) through Nimbus. */
@NullMarked
package org.openler.standards.jwt;

import org.jspecify.annotations.NullMarked;
