package org.openler.platform.registry;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;

/**
 * The registry's Lucene index of published credentials: full text (English stemming; the name weighs three times the
 * rest) and facets (type, competency, occupation, delivery, provider, location as sorted-set doc values; cost and
 * duration as numeric ranges). One per instance, in memory or in a directory; it records in its commit the change
 * sequence number it has applied, so it can say how far it follows the database. No Spring, no database: the same
 * class runs in the server and in the benchmark.
 */
public final class CredentialIndex implements Closeable {

    static final String SEQUENCE = "openler.registry.sequence";

    static final String TYPE = "type";
    static final String COMPETENCY = "competency";
    static final String OCCUPATION = "occupation";
    static final String DELIVERY = "delivery";
    static final String PROVIDER = "provider";
    static final String LOCATION = "location";
    private static final String LOCATION_ANY = "f_location_any";
    static final String COST = "cost";
    static final String DURATION = "duration";

    /** The term facets, in the order pages show them. */
    static final List<String> TERM_FACETS = List.of(TYPE, COMPETENCY, OCCUPATION, DELIVERY, PROVIDER, LOCATION);

    /** Cost ranges in whole currency units; the value is the filter ("min-max", max empty for no upper bound). */
    static final List<LongRange> COST_RANGES = List.of(
            new LongRange("0-0", 0, true, 0, true),
            new LongRange("1-999", 1, true, 999, true),
            new LongRange("1000-4999", 1000, true, 4999, true),
            new LongRange("5000-19999", 5000, true, 19_999, true),
            new LongRange("20000-", 20_000, true, Long.MAX_VALUE, true));

    /** Duration ranges in hours: under a week, to three months, to a year, to two years, longer. */
    static final List<LongRange> DURATION_RANGES = List.of(
            new LongRange("0-167", 0, true, 167, true),
            new LongRange("168-2189", 168, true, 2189, true),
            new LongRange("2190-8759", 2190, true, 8759, true),
            new LongRange("8760-17519", 8760, true, 17_519, true),
            new LongRange("17520-", 17_520, true, Long.MAX_VALUE, true));

    private static final int FACET_VALUES = 10;

    /**
     * Up to this many matches, facets are counted over every match; above it, over the matches in one of {@link
     * #SAMPLE_BUCKETS} buckets (by CTID) and scaled up, which keeps a search over a million credentials quick.
     */
    static final int EXACT_FACETS_UP_TO = 20_000;

    static final int SAMPLE_BUCKETS = 16;

    private final Directory directory;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final FacetsConfig facets = new FacetsConfig();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, String> labels = new ConcurrentHashMap<>();
    private volatile FacetState facetState = new FacetState(null, null);

    private record FacetState(
            @Nullable IndexReader reader, @Nullable DefaultSortedSetDocValuesReaderState state) {}

    private CredentialIndex(Directory directory) {
        this.directory = directory;
        for (String multi : List.of(COMPETENCY, OCCUPATION, DELIVERY, LOCATION)) {
            facets.setMultiValued(multi, true);
        }
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer);
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            config.setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(directory, config);
            if (DirectoryReader.indexExists(directory) == false) {
                writer.commit();
            }
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CredentialIndex inMemory() {
        return new CredentialIndex(new ByteBuffersDirectory());
    }

    public static CredentialIndex open(Path path) {
        try {
            return new CredentialIndex(FSDirectory.open(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the credential, or replaces the one with its CTID. Visible to searches after {@link #commit(long)}. */
    public void put(IndexedCredential c) {
        write(c, true);
    }

    /**
     * Adds a credential known not to be in the index (a rebuild after {@link #clear()}, a bulk load): no lookup of an
     * earlier version to delete.
     */
    public void add(IndexedCredential c) {
        write(c, false);
    }

    private void write(IndexedCredential c, boolean replace) {
        Document doc = new Document();
        doc.add(new StringField("ctid", c.ctid(), Field.Store.YES));
        doc.add(new StringField(
                "sample", Integer.toString(Math.floorMod(c.ctid().hashCode(), SAMPLE_BUCKETS)), Field.Store.NO));
        doc.add(new TextField("name", c.name(), Field.Store.NO));
        doc.add(new StoredField("title", c.name()));
        doc.add(new StoredField("summary", summary(c.description())));
        doc.add(new StoredField("providerName", c.providerName()));
        StringBuilder text = new StringBuilder()
                .append(c.name())
                .append('\n')
                .append(c.description())
                .append('\n')
                .append(c.requirements())
                .append('\n')
                .append(c.providerName())
                .append('\n')
                .append(words(c.type()));
        facet(doc, TYPE, c.type(), true);
        facet(doc, PROVIDER, c.provider(), true);
        labels.put(PROVIDER + " " + c.provider(), c.providerName());
        StringBuilder alignments = new StringBuilder();
        for (String facet : List.of(COMPETENCY, OCCUPATION)) {
            for (CredentialOfValue.Alignment a : facet.equals(COMPETENCY) ? c.competencies() : c.occupations()) {
                facet(doc, facet, a.uri().toString(), false);
                labels.put(facet + " " + a.uri(), a.label());
                alignments
                        .append(facet)
                        .append(' ')
                        .append(a.uri())
                        .append('\t')
                        .append(a.label())
                        .append('\n');
                text.append('\n').append(a.label());
            }
        }
        doc.add(new StoredField("alignments", alignments.toString()));
        c.delivery().forEach(mode -> facet(doc, DELIVERY, mode, false));
        c.locations().forEach(place -> {
            facet(doc, LOCATION, place, false);
            placeParts(place).forEach(part -> doc.add(new StringField(LOCATION_ANY, part, Field.Store.NO)));
            text.append('\n').append(place);
        });
        c.keywords().forEach(keyword -> text.append('\n').append(keyword));
        doc.add(new TextField("text", text.toString(), Field.Store.NO));
        c.cost().ifPresent(cost -> {
            doc.add(new LongPoint(COST, cost));
            doc.add(new NumericDocValuesField(COST, cost));
            doc.add(new StoredField("costValue", cost));
        });
        c.durationHours().ifPresent(hours -> {
            doc.add(new LongPoint(DURATION, hours));
            doc.add(new NumericDocValuesField(DURATION, hours));
        });
        c.durationIso().ifPresent(iso -> doc.add(new StoredField("durationIso", iso)));
        try {
            if (replace) {
                writer.updateDocument(new Term("ctid", c.ctid()), facets.build(doc));
            } else {
                writer.addDocument(facets.build(doc));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(String ctid) {
        try {
            writer.deleteDocuments(new Term("ctid", ctid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the index (a rebuild from the database starts here). */
    public void clear() {
        try {
            writer.deleteAll();
            labels.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the changes durable and visible, recording that the index has applied the change sequence up to here. */
    public void commit(long sequence) {
        try {
            writer.setLiveCommitData(Map.of(SEQUENCE, Long.toString(sequence)).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The change sequence number applied by the last commit (0 for a new index). */
    public long sequence() {
        try {
            Map<String, String> data = new HashMap<>();
            Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
            if (live != null) {
                live.forEach(e -> data.put(e.getKey(), e.getValue()));
            }
            return Long.parseLong(data.getOrDefault(SEQUENCE, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** How many credentials a search can find now. */
    public int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes the index takes in its directory. */
    public long sizeInBytes() {
        try {
            long total = 0;
            for (String file : directory.listAll()) {
                try {
                    total += directory.fileLength(file);
                } catch (IOException gone) {
                    // merged away while we counted
                }
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RegistryResults search(RegistryQuery query) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, query);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RegistryResults search(IndexSearcher searcher, RegistryQuery query) throws IOException {
        if (searcher.getIndexReader().numDocs() == 0) {
            return new RegistryResults(0, List.of(), List.of(), false);
        }
        Query lucene = query(query);
        int wanted = Math.max(1, query.offset() + query.limit());
        // The best hits first, counting matches exactly only up to the threshold: past it Lucene may skip
        // documents that cannot make the top (so a query matching most of a million credentials stays quick).
        TopDocs top = searcher.search(lucene, new TopScoreDocCollectorManager(wanted, EXACT_FACETS_UP_TO));
        FacetsCollector collector;
        long total;
        boolean sampled = top.totalHits.relation() != TotalHits.Relation.EQUAL_TO;
        if (!sampled) {
            collector = searcher.search(lucene, new FacetsCollectorManager());
            total = top.totalHits.value();
        } else {
            // Many matches: facet counts (and the total) over the matches in one sample bucket, scaled up. Which
            // bucket a credential is in depends only on its CTID, so every instance gives the same estimate.
            Query sample = new BooleanQuery.Builder()
                    .add(lucene, BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term("sample", "0")), BooleanClause.Occur.FILTER)
                    .build();
            collector = searcher.search(sample, new FacetsCollectorManager());
            long inSample = collector.getMatchingDocs().stream()
                    .mapToLong(FacetsCollector.MatchingDocs::totalHits)
                    .sum();
            total = Math.max(top.totalHits.value(), inSample * SAMPLE_BUCKETS);
        }
        long scale = sampled ? SAMPLE_BUCKETS : 1;
        List<RegistryResults.Hit> hits = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = query.offset(); i < docs.length && hits.size() < query.limit(); i++) {
            Document doc = stored.document(docs[i].doc);
            hits.add(new RegistryResults.Hit(
                    doc.get("ctid"),
                    doc.get("title"),
                    doc.get(TYPE),
                    doc.get(PROVIDER),
                    doc.get("providerName"),
                    doc.get("summary"),
                    Optional.ofNullable(doc.getField("costValue"))
                            .map(f -> f.numericValue().longValue()),
                    Optional.ofNullable(doc.get("durationIso")),
                    Float.isNaN(docs[i].score) ? 0 : docs[i].score));
        }
        List<RegistryResults.Facet> facetResults = new ArrayList<>();
        if (collector.getMatchingDocs().stream().anyMatch(m -> m.totalHits() > 0)) {
            SortedSetDocValuesFacetCounts counts =
                    new SortedSetDocValuesFacetCounts(facetState(searcher.getIndexReader()), collector);
            for (String dim : TERM_FACETS) {
                FacetResult facet = topChildren(counts, dim);
                List<RegistryResults.Value> values = new ArrayList<>();
                if (facet != null) {
                    for (LabelAndValue lv : facet.labelValues) {
                        values.add(new RegistryResults.Value(
                                lv.label, label(searcher, dim, lv.label), lv.value.longValue() * scale));
                    }
                }
                facetResults.add(new RegistryResults.Facet(dim, values));
            }
            facetResults.add(ranges(COST, collector, COST_RANGES, scale));
            facetResults.add(ranges(DURATION, collector, DURATION_RANGES, scale));
        }
        return new RegistryResults(total, hits, facetResults, sampled);
    }

    /** A facet no indexed credential has a value for (no locations yet, say) has no values rather than an error. */
    private static @Nullable FacetResult topChildren(SortedSetDocValuesFacetCounts counts, String dim)
            throws IOException {
        try {
            return counts.getTopChildren(FACET_VALUES, dim);
        } catch (IllegalArgumentException notIndexed) {
            return null;
        }
    }

    private static RegistryResults.Facet ranges(
            String field, FacetsCollector collector, List<LongRange> ranges, long scale) throws IOException {
        FacetResult facet =
                new LongRangeFacetCounts(field, collector, ranges.toArray(LongRange[]::new)).getAllChildren(field);
        List<RegistryResults.Value> values = new ArrayList<>();
        for (LabelAndValue lv : facet.labelValues) {
            if (lv.value.longValue() > 0) {
                values.add(new RegistryResults.Value(lv.label, lv.label, lv.value.longValue() * scale));
            }
        }
        return new RegistryResults.Facet(field, values);
    }

    private Query query(RegistryQuery query) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        Query text = text(query.text());
        builder.add(text, text instanceof MatchAllDocsQuery ? BooleanClause.Occur.FILTER : BooleanClause.Occur.MUST);
        filter(builder, TYPE, query.types());
        filter(builder, COMPETENCY, query.competencies());
        filter(builder, OCCUPATION, query.occupations());
        filter(builder, DELIVERY, query.delivery());
        filter(builder, PROVIDER, query.providers());
        locationFilter(builder, query.locations());
        if (query.minCost().isPresent() || query.maxCost().isPresent()) {
            builder.add(
                    LongPoint.newRangeQuery(
                            COST, query.minCost().orElse(0L), query.maxCost().orElse(Long.MAX_VALUE)),
                    BooleanClause.Occur.FILTER);
        }
        if (query.minHours().isPresent() || query.maxHours().isPresent()) {
            builder.add(
                    LongPoint.newRangeQuery(
                            DURATION,
                            query.minHours().orElse(0L),
                            query.maxHours().orElse(Long.MAX_VALUE)),
                    BooleanClause.Occur.FILTER);
        }
        return builder.build();
    }

    /**
     * Words as people type them: every word must match (name or text), "quoted phrases" and -exclusions work. No
     * wildcards or fuzzy matching, which would let one query enumerate the whole term dictionary.
     */
    private Query text(String text) {
        if (text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        int flags = SimpleQueryParser.AND_OPERATOR
                | SimpleQueryParser.OR_OPERATOR
                | SimpleQueryParser.NOT_OPERATOR
                | SimpleQueryParser.PHRASE_OPERATOR
                | SimpleQueryParser.PRECEDENCE_OPERATORS
                | SimpleQueryParser.ESCAPE_OPERATOR
                | SimpleQueryParser.WHITESPACE_OPERATOR;
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, Map.of("name", 3f, "text", 1f), flags);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        Query parsed = parser.parse(text.length() > 500 ? text.substring(0, 500) : text);
        // Only stop words (or only operators): nothing to look for, which is not everything.
        return parsed == null ? new BooleanQuery.Builder().build() : parsed;
    }

    /**
     * A place is found by its whole label ("Montgomery, AL, US", the facet's value) and by every run of its parts, in
     * any case ("AL", "al, us", "Montgomery, AL", "US"): a state or country search finds every place in it. The filter
     * value is never split on its commas (a location is one value).
     */
    static List<String> placeParts(String label) {
        List<String> parts = Arrays.stream(label.split(","))
                .map(p -> p.strip().toLowerCase(Locale.ROOT))
                .filter(p -> !p.isEmpty())
                .toList();
        Set<String> out = new LinkedHashSet<>();
        for (int from = 0; from < parts.size(); from++) {
            for (int to = from + 1; to <= parts.size(); to++) {
                out.add(String.join(", ", parts.subList(from, to)));
            }
        }
        return List.copyOf(out);
    }

    private static void locationFilter(BooleanQuery.Builder builder, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.stream().limit(50).forEach(v -> {
            any.add(new TermQuery(new Term("f_" + LOCATION, v)), BooleanClause.Occur.SHOULD);
            List<String> whole = placeParts(v);
            if (!whole.isEmpty()) {
                // the longest run is the whole value, normalised
                String normalised = whole.stream()
                        .max(Comparator.comparingInt(String::length))
                        .orElseThrow();
                any.add(new TermQuery(new Term(LOCATION_ANY, normalised)), BooleanClause.Occur.SHOULD);
            }
        });
        builder.add(any.build(), BooleanClause.Occur.FILTER);
    }

    private static void filter(BooleanQuery.Builder builder, String dim, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.stream()
                .limit(50)
                .forEach(v -> any.add(new TermQuery(new Term("f_" + dim, v)), BooleanClause.Occur.SHOULD));
        builder.add(any.build(), BooleanClause.Occur.FILTER);
    }

    private static void facet(Document doc, String dim, String value, boolean stored) {
        if (value.isBlank()) {
            return;
        }
        doc.add(new StringField("f_" + dim, value, Field.Store.NO));
        if (stored) {
            doc.add(new StoredField(dim, value));
        }
        doc.add(new SortedSetDocValuesFacetField(dim, value));
    }

    private DefaultSortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current.reader() == reader && current.state() != null) {
            return current.state();
        }
        synchronized (this) {
            current = facetState;
            if (current.reader() == reader && current.state() != null) {
                return current.state();
            }
            DefaultSortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, facets);
            facetState = new FacetState(reader, state);
            return state;
        }
    }

    /** The label to show for a facet value: names for competencies, occupations and providers; types as words. */
    private String label(IndexSearcher searcher, String dim, String value) throws IOException {
        return switch (dim) {
            case TYPE -> words(value);
            case DELIVERY ->
                CredentialOfValue.DeliveryMode.ofConcept(value)
                        .map(CredentialOfValue.DeliveryMode::label)
                        .orElse(value);
            case COMPETENCY, OCCUPATION, PROVIDER -> {
                String key = dim + " " + value;
                String known = labels.get(key);
                if (known == null) {
                    known = storedLabel(searcher, dim, value);
                    labels.put(key, known);
                }
                yield known;
            }
            default -> value;
        };
    }

    /** A label not seen since start-up (an index reopened from its directory): read from a document that has it. */
    private static String storedLabel(IndexSearcher searcher, String dim, String value) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term("f_" + dim, value)), 1);
        if (top.scoreDocs.length == 0) {
            return value;
        }
        Document doc = searcher.storedFields().document(top.scoreDocs[0].doc);
        if (dim.equals(PROVIDER)) {
            return Optional.ofNullable(doc.get("providerName")).orElse(value);
        }
        String prefix = dim + " " + value + "\t";
        for (String line : Optional.ofNullable(doc.get("alignments")).orElse("").split("\n")) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        return value;
    }

    /** "BachelorDegree" as "Bachelor Degree". */
    static String words(String camel) {
        return camel.replaceAll("(?<=[a-z])(?=[A-Z])", " ");
    }

    private static String summary(String description) {
        String flat = description.replaceAll("\\s+", " ").strip();
        return flat.length() <= 240 ? flat : flat.substring(0, 239).strip() + "…";
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "CredentialIndex(" + directory.getClass().getSimpleName().toLowerCase(Locale.ROOT) + ")";
    }
}
