/**
 * Readers of framework files, free of Spring and of the database: each turns one source format (O*NET text files,
 * ESCO CSV, NICE CPRT JSON, the ESCO–O*NET crosswalk, CASE, CTDL-ASN, RSD) into one {@link
 * org.openler.skills.sources.FrameworkData}, which the store writes in one transaction.
 */
@NullMarked
package org.openler.skills.sources;

import org.jspecify.annotations.NullMarked;
