/** JSON-LD with pinned, bundled contexts only: a document loader that never fetches, and RDFC-1.0 canonicalization. */
@NullMarked
package org.openler.standards.jsonld;

import org.jspecify.annotations.NullMarked;
