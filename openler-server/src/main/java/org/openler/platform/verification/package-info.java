/**
 * Verifying credentials and presentations for anyone, in every format issued here and Open Badges 2.0: the API (VC-API
 * shapes), the public verify page, this platform's own DIDs and status lists read from the database, other hosts only
 * from an allow-list ({@code AllowListedFetcher}), and the optional transparency-log check ({@code LogCheck}).
 */
@ApplicationModule(allowedDependencies = {"issuers", "kernel", "organizations", "problems", "status", "transparency"})
@NullMarked
package org.openler.platform.verification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
