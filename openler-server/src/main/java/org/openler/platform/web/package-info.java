/** The web's bones: layout, language, security headers, request limits, one error vocabulary (RFC 9457). */
@NullMarked
package org.openler.platform.web;

import org.jspecify.annotations.NullMarked;
