/**
 * The skills ontology: frameworks (O*NET, ESCO, NICE, and a state's own CASE, CTDL-ASN or RSD taxonomy), their
 * competencies, occupations and what each requires, and crosswalks between frameworks. Other features read it through
 * {@link org.openler.platform.skills.Frameworks}, {@link org.openler.platform.skills.Competencies} and {@link
 * org.openler.platform.skills.Occupations}, and learn of new content from {@link
 * org.openler.platform.skills.FrameworkImported}. Readers, store, loading and web live in subpackages.
 */
@NullMarked
package org.openler.platform.skills;

import org.jspecify.annotations.NullMarked;
