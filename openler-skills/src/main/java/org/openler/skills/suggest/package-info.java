/**
 * From free text to the taxonomy: a ranking engine over a catalogue of concepts (competencies, occupations) that
 * fuses a lexical ranker (Lucene BM25 over preferred and alternative labels, English and Spanish stemming) with a
 * semantic one (an offline ONNX sentence-embedding model), and the job-title index that maps a title to occupations.
 * Plain Java, free of Spring and of the database: the platform ({@code org.openler.platform.skills.suggest}) fills
 * the catalogue from its ontology tables and keeps vectors in PostgreSQL; the CLI ({@link
 * org.openler.skills.suggest.SuggestCommand}, {@link org.openler.skills.suggest.TitleCommand}), the evaluation and the
 * benchmarks fill it from the bundled ESCO files.
 */
@NullMarked
package org.openler.skills.suggest;

import org.jspecify.annotations.NullMarked;
