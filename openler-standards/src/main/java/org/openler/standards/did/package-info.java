/** DIDs: did:key resolved offline, did:web documents built and resolved over an allow-listed, cached HTTPS client. */
@NullMarked
package org.openler.standards.did;

import org.jspecify.annotations.NullMarked;
