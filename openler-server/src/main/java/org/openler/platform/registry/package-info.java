/**
 * The Credential Registry: providers publish credentials of value (certificates, certifications, degrees, badges,
 * licenses, apprenticeships, micro-credentials) as CTDL JSON-LD under a CTID, validated against the CTDL JSON Schemas,
 * with drafts, versioned history and withdrawal; CTDL from elsewhere can be imported. Published credentials are
 * searchable (full text and facets) through a Lucene index per instance that follows the database's change sequence.
 */
@ApplicationModule(allowedDependencies = {"audit", "kernel", "organizations", "privacy", "problems", "transparency"})
@NullMarked
package org.openler.platform.registry;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
