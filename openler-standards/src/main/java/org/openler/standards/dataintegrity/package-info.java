/** W3C Data Integrity proofs with the eddsa-rdfc-2022 cryptosuite. */
@NullMarked
package org.openler.standards.dataintegrity;

import org.jspecify.annotations.NullMarked;
