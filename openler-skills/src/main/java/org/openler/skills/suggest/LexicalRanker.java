package org.openler.skills.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Lucene BM25 over the concepts' labels, English stemming (Porter) and stop words. Each label is a document of its
 * own, and a concept scores as its best label: an alternative label is a synonym, as good as the preferred one, and a
 * concept with many alternative labels is not favoured over one with few (which one document per concept would do).
 */
public final class LexicalRanker {

    /** A query is cut to this many distinct terms: a longer text is not a search phrase. */
    static final int MAX_TERMS = 256;

    private final Catalogue catalogue;
    private final Analyzer analyzer;
    private final IndexSearcher searcher;
    private final int[] conceptOfDoc;
    private final boolean[] preferredDoc;
    private final double alternativeWeight;

    /** One ranked concept: its position in the catalogue and its BM25 score. */
    public record Hit(int concept, double score) {}

    public LexicalRanker(Catalogue catalogue, boolean alternativeLabels, double alternativeWeight) {
        this(catalogue, alternativeLabels, alternativeWeight, new EnglishAnalyzer());
    }

    /**
     * Over labels in another language: the catalogue's labels are in that language (a translated catalogue keeps the
     * concepts in the same order, so hits name the same positions) and the analyzer stems it.
     */
    public LexicalRanker(Catalogue catalogue, boolean alternativeLabels, double alternativeWeight, Analyzer analyzer) {
        this.analyzer = analyzer;
        this.catalogue = catalogue;
        this.alternativeWeight = alternativeWeight;
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (int i = 0; i < catalogue.size(); i++) {
                    Concept concept = catalogue.get(i);
                    writer.addDocument(document(i, concept, concept.preferredLabel(), true));
                    if (alternativeLabels) {
                        for (String label : concept.alternativeLabels()) {
                            writer.addDocument(document(i, concept, label, false));
                        }
                    }
                }
                writer.forceMerge(1);
            }
            DirectoryReader reader = DirectoryReader.open(directory);
            this.searcher = new IndexSearcher(reader);
            this.conceptOfDoc = new int[reader.maxDoc()];
            this.preferredDoc = new boolean[reader.maxDoc()];
            for (LeafReaderContext leaf : reader.leaves()) {
                NumericDocValues values = leaf.reader().getNumericDocValues("concept");
                while (values != null && values.nextDoc() != NumericDocValues.NO_MORE_DOCS) {
                    conceptOfDoc[leaf.docBase + values.docID()] = (int) values.longValue();
                }
                NumericDocValues preferred = leaf.reader().getNumericDocValues("preferred");
                while (preferred != null && preferred.nextDoc() != NumericDocValues.NO_MORE_DOCS) {
                    preferredDoc[leaf.docBase + preferred.docID()] = preferred.longValue() == 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("An in-memory index cannot fail to write", e);
        }
    }

    private static Document document(int index, Concept concept, String label, boolean preferred) {
        Document document = new Document();
        document.add(new TextField("label", label, Field.Store.NO));
        document.add(new NumericDocValuesField("concept", index));
        document.add(new NumericDocValuesField("preferred", preferred ? 1 : 0));
        document.add(new StringField("kind", concept.kind().slug(), Field.Store.NO));
        document.add(new StringField("framework", concept.framework(), Field.Store.NO));
        return document;
    }

    /** The concepts (and the labels) this ranker indexes. */
    Catalogue catalogue() {
        return catalogue;
    }

    /** The text's distinct analysed terms (stemmed, no stop words), in order. */
    List<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream("label", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && terms.size() < MAX_TERMS) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Analysing a string cannot fail", e);
        }
        return List.copyOf(terms);
    }

    /** The best {@code depth} concepts that pass the filter, by their best label's BM25 score. */
    public List<Hit> rank(String text, ConceptFilter filter, int depth) {
        List<String> terms = terms(text);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String term : terms) {
            words.add(new TermQuery(new Term("label", term)), BooleanClause.Occur.SHOULD);
        }
        // the words must match (at least one of them); beside a filter, bare SHOULD clauses would be optional
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(words.build(), BooleanClause.Occur.MUST);
        filter.kind().ifPresent(kind -> query.add(exact("kind", kind.slug()), BooleanClause.Occur.FILTER));
        filter.framework().ifPresent(f -> query.add(exact("framework", f), BooleanClause.Occur.FILTER));
        try {
            // labels, not concepts, are ranked: fetch a few per concept so that depth concepts come back
            ScoreDoc[] docs = searcher.search(query.build(), depth * 4).scoreDocs;
            double[] best = new double[catalogue.size()];
            boolean[] seen = new boolean[catalogue.size()];
            List<Integer> order = new ArrayList<>();
            for (ScoreDoc doc : docs) {
                int concept = conceptOfDoc[doc.doc];
                double score = doc.score * (isPreferred(doc.doc) ? 1.0 : alternativeWeight);
                if (!seen[concept]) {
                    seen[concept] = true;
                    order.add(concept);
                }
                best[concept] = Math.max(best[concept], score);
            }
            return order.stream()
                    .map(concept -> new Hit(concept, best[concept]))
                    .sorted((a, b) -> Double.compare(b.score(), a.score()))
                    .limit(depth)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("An in-memory index cannot fail to read", e);
        }
    }

    private boolean isPreferred(int doc) {
        return preferredDoc[doc];
    }

    private static Query exact(String field, String value) {
        return new TermQuery(new Term(field, value));
    }
}
