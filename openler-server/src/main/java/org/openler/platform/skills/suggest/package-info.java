/**
 * From free text to the taxonomy: a ranking engine over a catalogue of concepts (competencies, occupations) that
 * fuses a lexical ranker (Lucene BM25 over preferred and alternative labels, English stemming) with a semantic one
 * (an offline ONNX sentence-embedding model). The engine itself is plain Java: the platform fills its catalogue from
 * the ontology tables, the CLI and the evaluation fill it from the ESCO CSV files.
 */
@NullMarked
package org.openler.platform.skills.suggest;

import org.jspecify.annotations.NullMarked;
