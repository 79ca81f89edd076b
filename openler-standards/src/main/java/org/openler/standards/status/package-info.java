/** Bitstring Status List v1.0: the list, its entries and the status list credential. */
@NullMarked
package org.openler.standards.status;

import org.jspecify.annotations.NullMarked;
