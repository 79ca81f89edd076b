/**
 * Stops password and client-secret guessing (issue 19; NIST SP 800-63B §5.2.2, OWASP ASVS 5.0 §6.3): failed attempts
 * are counted per name and per source address in the database, answered with growing delays and, after 100
 * consecutive failures on one name, a lock that an organization admin or the platform operator lifts. The holder is
 * told by e-mail and every lock is an audit event.
 */
@ApplicationModule(
        allowedDependencies = {"accounts", "audit", "clients", "kernel", "keys", "outbox", "problems", "security"})
@NullMarked
package org.openler.platform.lockout;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
