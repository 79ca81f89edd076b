/**
 * The skills ontology: frameworks (O*NET, ESCO, NICE, and a state's own CASE, CTDL-ASN or RSD taxonomy), their
 * competencies, occupations and what each requires, and crosswalks between frameworks. Other features read it through
 * {@link org.openler.platform.skills.Frameworks}, {@link org.openler.platform.skills.Competencies}, {@link
 * org.openler.platform.skills.Occupations}, {@link org.openler.platform.skills.LabelSearch}, {@link
 * org.openler.platform.skills.SkillMapping} and {@link org.openler.platform.skills.TitleMapper}, and learn of new
 * content from {@link org.openler.platform.skills.FrameworkImported}. The file readers and the ranking engine are the
 * openler-skills library ({@code org.openler.skills}, free of Spring and of the database); the store, loading,
 * suggestion service and web live in subpackages here.
 */
@ApplicationModule(allowedDependencies = {"kernel", "problems"})
@NullMarked
package org.openler.platform.skills;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
