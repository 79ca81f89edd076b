package org.openler.platform.talent.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;

/**
 * The embedded talent index (the default): Lucene in memory or in a directory, no setup. Each document indexes every
 * searchable skill as one term in the field of its evidence kind ({@code v}, {@code e}, {@code s}); a query is a sum
 * of constant-score term clauses, one per skill and kind, boosted by {@code 100 × weight × strength / Σ weight}, so
 * Lucene's score is {@link SkillQuery#score} and its block-max pruning finds the best without scoring every holder.
 * No Spring, no database: the same class runs in the server and in the benchmark. Every write refreshes the searcher
 * before it returns, so a removal is never served stale. A document is filed under its {@link Subjects subject}; the
 * account id rides along in doc values only, to name the hits, and goes with the document.
 */
public final class LuceneTalentIndex implements TalentIndex {

    private static final String ID = "id";
    private static final String HIGH = "hi";
    private static final String LOW = "lo";
    private static final String VISIBILITY = "vis";
    private static final String STORED = "doc";
    private static final String REGION = "region";
    private static final String AVAILABILITY = "avail";
    private static final Map<EvidenceKind, String> FIELDS =
            Map.of(EvidenceKind.VERIFIED, "v", EvidenceKind.ENDORSED, "e", EvidenceKind.SELF_ASSERTED, "s");

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final String consumer;
    private final Subjects subjects;

    /**
     * The version last applied per subject since the last rebuild (puts and removals alike), so that this index skips
     * an older change as a shared OpenSearch index does. One writer (this process's follower) only ever sends a
     * subject's changes in order, so this is a guard, not a need; it holds only the subjects changed since the last
     * rebuild, and lives in memory (a restart starts with none).
     */
    private final Map<String, Long> versions = new HashMap<>();

    private LuceneTalentIndex(Directory directory, String consumer, Subjects subjects) {
        this.directory = directory;
        this.consumer = consumer;
        this.subjects = subjects;
        try {
            IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the talent index", e);
        }
    }

    /** In memory, documents named by {@link Subjects#unkeyed}: for tests and the benchmark. */
    public static LuceneTalentIndex inMemory() {
        return inMemory(Subjects.unkeyed());
    }

    public static LuceneTalentIndex inMemory(Subjects subjects) {
        // rebuilt at every start: a fresh outbox consumer per instance, whose rebuild covers the past
        return new LuceneTalentIndex(new ByteBuffersDirectory(), "lucene-memory-" + UUID.randomUUID(), subjects);
    }

    /** In a directory, documents named by {@link Subjects#unkeyed}: for tests and the benchmark. */
    public static LuceneTalentIndex open(Path path) {
        return open(path, Subjects.unkeyed());
    }

    /**
     * An index in a directory: it keeps what was committed across restarts. The consumer's name carries the layout's
     * version ({@code v2}: documents named by subject): a directory written by an older layout is a new consumer, so
     * the server rebuilds it rather than following on from it.
     */
    public static LuceneTalentIndex open(Path path, Subjects subjects) {
        try {
            return new LuceneTalentIndex(
                    FSDirectory.open(path), "lucene-v2:" + path.toAbsolutePath().normalize(), subjects);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the talent index at " + path, e);
        }
    }

    @Override
    public String subject(AccountId learner) {
        return subjects.of(learner);
    }

    @Override
    public void apply(Collection<Change> changes) {
        try {
            synchronized (versions) {
                for (Change change : changes) {
                    if (change.version() != UNVERSIONED) {
                        Long known = versions.get(change.subject());
                        if (known != null && known >= change.version()) {
                            continue; // an older change than one applied: the newer stands
                        }
                        versions.put(change.subject(), change.version());
                    } else {
                        versions.remove(change.subject());
                    }
                    Term id = new Term(ID, change.subject());
                    if (change.document().isPresent()) {
                        writer.updateDocument(
                                id, toLucene(change.subject(), change.document().get()));
                    } else {
                        writer.deleteDocuments(id);
                    }
                }
            }
            searchers.maybeRefreshBlocking(); // one refresh for the whole round
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds without looking for an earlier document of the learner: for bulk loads into an empty index only. */
    public void add(TalentDocument document) {
        try {
            writer.addDocument(toLucene(subjects.of(document.learner()), document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what {@link #add} wrote visible to searches. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<TalentDocument> get(AccountId learner) {
        IndexSearcher searcher = acquire();
        try {
            TopDocs found = searcher.search(new TermQuery(new Term(ID, subjects.of(learner))), 1);
            if (found.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Document stored = searcher.storedFields().document(found.scoreDocs[0].doc);
            return Optional.of(fromStored(learner, stored.get(STORED)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public TalentHits top(SkillQuery query, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Ask for at least one document");
        }
        Query lucene = toLucene(query);
        IndexSearcher searcher = acquire();
        try {
            int total = searcher.count(lucene);
            if (total == 0) {
                return new TalentHits(0, List.of());
            }
            ScoreDoc[] best = searcher.search(lucene, n).scoreDocs;
            List<ScoreDoc> hits = new ArrayList<>(List.of(best));
            if (best.length == n && total > n) {
                Set<Integer> seen = new HashSet<>();
                for (ScoreDoc d : best) {
                    seen.add(d.doc);
                }
                float floor = (float) (best[n - 1].score - TIE);
                hits.addAll(searcher.search(lucene, new Ties(floor, seen)));
            }
            hits.sort(Comparator.comparingDouble((ScoreDoc d) -> d.score)
                    .reversed()
                    .thenComparingInt(d -> d.doc));
            return new TalentHits(total, learners(searcher, hits));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public long count() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    @Override
    public void rebuild(Iterator<TalentDocument> documents, Map<String, Long> versions) {
        try {
            synchronized (this.versions) {
                writer.deleteAll();
                this.versions.clear();
                this.versions.putAll(versions);
                while (documents.hasNext()) {
                    TalentDocument document = documents.next();
                    writer.addDocument(toLucene(subjects.of(document.learner()), document));
                }
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String consumer() {
        return consumer;
    }

    @Override
    public void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops what was written since the last {@link #commit} and closes: what a crash leaves behind. For tests. */
    public void abandon() {
        try {
            searchers.close();
            writer.rollback();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query toLucene(SkillQuery query) {
        BooleanQuery.Builder skills = new BooleanQuery.Builder();
        for (SkillPlan.Requirement requirement : query.plan().requirements()) {
            List<Query> ways =
                    requirement.ways().stream().map(LuceneTalentIndex::way).toList();
            if (requirement.onlyTheBest()) {
                skills.add(new DisjunctionMaxQuery(ways, 0f), BooleanClause.Occur.SHOULD);
            } else {
                ways.forEach(way -> skills.add(way, BooleanClause.Occur.SHOULD));
            }
        }
        BooleanQuery.Builder answer = new BooleanQuery.Builder()
                .add(skills.build(), BooleanClause.Occur.MUST)
                .add(
                        new TermQuery(new Term(VISIBILITY, TalentDocument.Visibility.ANONYMOUS.name())),
                        BooleanClause.Occur.FILTER);
        // filters score nothing and are counted: the total is of the documents they admit
        query.filter()
                .region()
                .ifPresent(r -> answer.add(new TermQuery(new Term(REGION, r)), BooleanClause.Occur.FILTER));
        if (!query.filter().availability().isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String a : query.filter().availability()) {
                any.add(new TermQuery(new Term(AVAILABILITY, a)), BooleanClause.Occur.SHOULD);
            }
            answer.add(any.build(), BooleanClause.Occur.FILTER);
        }
        return answer.build();
    }

    /** Documents holding any of the way's skills in its kind, scoring its points. */
    private static Query way(SkillPlan.Way way) {
        String field = FIELDS.get(way.kind());
        Query holds = way.skills().size() == 1
                ? new TermQuery(new Term(field, way.skills().iterator().next().toString()))
                : new TermInSetQuery(
                        field,
                        way.skills().stream()
                                .map(u -> new BytesRef(u.toString()))
                                .toList());
        return new BoostQuery(new ConstantScoreQuery(holds), (float) way.points());
    }

    private static Document toLucene(String subject, TalentDocument document) {
        Document doc = new Document();
        UUID id = document.learner().value();
        doc.add(new StringField(ID, subject, Field.Store.NO));
        doc.add(new NumericDocValuesField(HIGH, id.getMostSignificantBits()));
        doc.add(new NumericDocValuesField(LOW, id.getLeastSignificantBits()));
        doc.add(new StringField(VISIBILITY, document.visibility().name(), Field.Store.NO));
        document.region().ifPresent(r -> doc.add(new StringField(REGION, r, Field.Store.NO)));
        document.availability().ifPresent(a -> doc.add(new StringField(AVAILABILITY, a, Field.Store.NO)));
        StringBuilder stored = new StringBuilder()
                .append(document.visibility().name())
                .append('\n')
                .append(document.region().orElse(""))
                .append('\n')
                .append(document.availability().orElse(""));
        for (Map.Entry<URI, EvidenceKind> skill : document.skills().entrySet()) {
            doc.add(new StringField(FIELDS.get(skill.getValue()), skill.getKey().toString(), Field.Store.NO));
            stored.append('\n').append(skill.getValue().name()).append(' ').append(skill.getKey());
        }
        doc.add(new StoredField(STORED, stored.toString()));
        return doc;
    }

    private static TalentDocument fromStored(AccountId learner, String stored) {
        String[] lines = stored.split("\n", -1);
        Map<URI, EvidenceKind> skills = new HashMap<>();
        for (int i = 3; i < lines.length; i++) {
            int space = lines[i].indexOf(' ');
            skills.put(URI.create(lines[i].substring(space + 1)), EvidenceKind.valueOf(lines[i].substring(0, space)));
        }
        return new TalentDocument(
                learner,
                TalentDocument.Visibility.valueOf(lines[0]),
                skills,
                lines[1].isEmpty() ? Optional.empty() : Optional.of(lines[1]),
                lines[2].isEmpty() ? Optional.empty() : Optional.of(lines[2]));
    }

    /** The account of every hit, read from doc values segment by segment in doc order; the hits keep their order. */
    private static List<TalentHits.Hit> learners(IndexSearcher searcher, List<ScoreDoc> hits) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Integer[] byDoc = new Integer[hits.size()];
        for (int i = 0; i < byDoc.length; i++) {
            byDoc[i] = i;
        }
        Arrays.sort(byDoc, Comparator.comparingInt(i -> hits.get(i).doc));
        AccountId[] accounts = new AccountId[hits.size()];
        int leafIndex = -1;
        @Nullable NumericDocValues high = null;
        @Nullable NumericDocValues low = null;
        LeafReaderContext leaf = leaves.getFirst();
        for (int i : byDoc) {
            int doc = hits.get(i).doc;
            int at = ReaderUtil.subIndex(doc, leaves);
            if (at != leafIndex) {
                leafIndex = at;
                leaf = leaves.get(at);
                high = leaf.reader().getNumericDocValues(HIGH);
                low = leaf.reader().getNumericDocValues(LOW);
            }
            int local = doc - leaf.docBase;
            if (high == null || low == null || !high.advanceExact(local) || !low.advanceExact(local)) {
                throw new IllegalStateException("A talent document without its account");
            }
            accounts[i] = new AccountId(new UUID(high.longValue(), low.longValue()));
        }
        List<TalentHits.Hit> answer = new ArrayList<>(hits.size());
        for (int i = 0; i < accounts.length; i++) {
            answer.add(new TalentHits.Hit(accounts[i], hits.get(i).score));
        }
        return answer;
    }

    /** Every document scoring at least {@code floor} that is not already among the best, up to {@link #MAX_TIES}. */
    private record Ties(float floor, Set<Integer> seen) implements CollectorManager<TieCollector, List<ScoreDoc>> {

        @Override
        public TieCollector newCollector() {
            return new TieCollector(floor, seen);
        }

        @Override
        public List<ScoreDoc> reduce(Collection<TieCollector> collectors) {
            List<ScoreDoc> all = new ArrayList<>();
            for (TieCollector c : collectors) {
                all.addAll(c.found);
            }
            return all.size() > MAX_TIES ? all.subList(0, MAX_TIES) : all;
        }
    }

    private static final class TieCollector implements Collector {

        private final float floor;
        private final Set<Integer> seen;
        private final List<ScoreDoc> found = new ArrayList<>();

        TieCollector(float floor, Set<Integer> seen) {
            this.floor = floor;
            this.seen = seen;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            int base = context.docBase;
            return new LeafCollector() {
                private @Nullable Scorable scorer;

                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    this.scorer = scorer;
                    scorer.setMinCompetitiveScore(floor);
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (scorer == null || found.size() >= MAX_TIES) {
                        return;
                    }
                    float score = scorer.score();
                    if (score >= floor && !seen.contains(base + doc)) {
                        found.add(new ScoreDoc(base + doc, score));
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.TOP_SCORES;
        }
    }
}
