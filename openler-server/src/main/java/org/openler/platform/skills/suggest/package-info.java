/**
 * The platform's side of the text-to-taxonomy engine (the engine itself is {@code org.openler.skills.suggest} in the
 * openler-skills library): {@link org.openler.platform.skills.suggest.SkillSuggestions} fills its catalogue from the
 * ontology tables ({@code CatalogueReader}) and keeps label vectors in PostgreSQL ({@code JdbcVectorStore}); the
 * public API ({@code POST /skills/suggest}, {@code POST /skills/titles/suggest}) and the search page ({@code
 * /skills/search}) answer from it.
 */
@NullMarked
package org.openler.platform.skills.suggest;

import org.jspecify.annotations.NullMarked;
