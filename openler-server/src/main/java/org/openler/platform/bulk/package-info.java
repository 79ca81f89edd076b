/**
 * Bulk issuance from CSV: a provider uploads a file (once, whatever the retries), its rows are issued by workers on
 * every instance that claim rows from the database, each row exactly once through the issuing module with its own
 * idempotency key, bad rows reported by number with a reason; progress as a page and as JSON, and the recipients of
 * finished jobs erased after the retention period.
 */
@NullMarked
@ApplicationModule(
        allowedDependencies = {
            "issuers",
            "issuing",
            "kernel",
            "organizations",
            "privacy",
            "problems",
            "skills",
            "status",
            "web"
        })
package org.openler.platform.bulk;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
