package org.openler.platform.talent.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.indices.IndexSettings;
import org.opensearch.client.opensearch.indices.TranslogDurability;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * The talent index on OpenSearch, for deployments that outgrow one machine ({@code openler.talent.index=opensearch}).
 * Same documents and the same score as {@link LuceneTalentIndex}: each searchable skill is a keyword in the field of
 * its evidence kind ({@code v}, {@code e}, {@code s}), and a query is a sum of constant-score term clauses boosted by
 * {@code 100 × weight × strength / Σ weight}, so OpenSearch's {@code _score} is {@link SkillQuery#score}.
 *
 * <p>The server talks to an alias ({@code openler-talent} by default) over one concrete index. A {@link #rebuild}
 * loads a new concrete index in bulk while searches keep reading the old one, then moves the alias in one atomic
 * step and drops the old index. {@link #put} and {@link #remove} queue; the next search, read or {@link #commit} sends
 * the queue as one bulk request that refreshes, so a learner who turns discovery off is out of the very next search,
 * and the outbox follower's batch (puts, then commit) costs one request and one refresh. The translog is synced on
 * every request, so a write OpenSearch acknowledged survives a crash of OpenSearch too.
 *
 * <p>The URL may carry {@code user:password@} for a cluster with basic authentication. Nothing about a learner but
 * the account id (in the source, to name a hit; the document's id is the {@link Subjects subject}), the visibility,
 * skill URIs with their kind, and the coarse region and availability is sent.
 */
public final class OpenSearchTalentIndex implements TalentIndex {

    /** The alias the server reads and writes, unless configured otherwise. */
    public static final String DEFAULT_ALIAS = "openler-talent";

    private static final String VISIBILITY = "visibility";
    private static final String LEARNER = "learner";
    /** The visibility of a tombstone: what a versioned removal leaves, so an older put cannot bring the document back. */
    private static final String GONE = "GONE";

    private static final String REGION = "region";
    private static final String AVAILABILITY = "availability";
    private static final Map<EvidenceKind, String> FIELDS = new EnumMap<>(
            Map.of(EvidenceKind.VERIFIED, "v", EvidenceKind.ENDORSED, "e", EvidenceKind.SELF_ASSERTED, "s"));
    private static final int BULK_DOCUMENTS = 2_000;

    /**
     * Where and how: the node or cluster URL, the alias, the shape of a new index.
     *
     * @param url e.g. {@code http://127.0.0.1:9200} or {@code https://user:password@search.example:9200}
     * @param alias the name the server uses; concrete indices are named {@code <alias>-<millis>}
     * @param shards primary shards of a new index
     * @param replicas replicas of a new index (0 on a single node)
     * @param timeout for connecting and for each answer
     */
    public record Settings(URI url, String alias, int shards, int replicas, Duration timeout) {

        public Settings {
            if (url.getScheme() == null || url.getHost() == null) {
                throw new IllegalArgumentException("The OpenSearch URL needs a scheme and a host: " + safe(url));
            }
            if (!alias.matches("[a-z0-9][a-z0-9_-]*")) {
                throw new IllegalArgumentException("An OpenSearch alias is lower case letters, digits, - and _");
            }
            if (shards < 1 || replicas < 0) {
                throw new IllegalArgumentException("At least one shard, and no negative replicas");
            }
        }

        public Settings(URI url) {
            this(url, DEFAULT_ALIAS, 1, 0, Duration.ofSeconds(30));
        }
    }

    private final Settings settings;
    private final ApacheHttpClient5Transport transport;
    private final OpenSearchClient client;
    /**
     * Guards {@link #pending} and orders the bulk requests. A rebuild holds it throughout, so a write made meanwhile
     * waits and lands on the new index; searches take it only when writes are pending, so they never wait for a
     * rebuild.
     */
    private final ReentrantLock writes = new ReentrantLock();

    /** Puts and removes not yet sent: one bulk request (and one refresh) carries them all. */
    private final List<BulkOperation> pending = new ArrayList<>();

    /** Whether {@link #pending} has anything, readable without the lock. */
    private volatile boolean queued;

    /** A bulk item refused since the last commit: the next commit fails, so the outbox does not mark it done. */
    private @Nullable String refusedSinceCommit;

    private final Subjects subjects;

    private OpenSearchTalentIndex(Settings settings, Subjects subjects) {
        this.settings = settings;
        this.subjects = subjects;
        this.transport = transport(settings);
        this.client = new OpenSearchClient(transport);
    }

    /** Connects with documents named by {@link Subjects#unkeyed}: for tests and the benchmark. */
    public static OpenSearchTalentIndex connect(Settings settings) {
        return connect(settings, Subjects.unkeyed());
    }

    /**
     * Connects, and creates the alias with an empty index if the cluster has none yet. Every server writing to one
     * alias must name documents alike: the same {@code subjects}.
     */
    public static OpenSearchTalentIndex connect(Settings settings, Subjects subjects) {
        OpenSearchTalentIndex index = new OpenSearchTalentIndex(settings, subjects);
        try {
            index.ensureAlias();
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
        return index;
    }

    @Override
    public String subject(AccountId learner) {
        return subjects.of(learner);
    }

    /**
     * Versioned changes use OpenSearch's external versioning: the outbox sequence number is the document's version,
     * and OpenSearch refuses a write whose version is not above the stored one (a conflict, which this index counts
     * as done: a newer change is there). A versioned removal writes a tombstone at its version rather than deleting,
     * because a deleted document's version is forgotten after {@code index.gc_deletes} (60 s) and an older put could
     * then bring it back; the tombstone holds nothing but the visibility {@code GONE} under the subject, is never
     * found, read or counted, and goes with the next rebuild.
     */
    @Override
    public void apply(Collection<Change> changes) {
        for (Change change : changes) {
            String id = change.subject();
            boolean versioned = change.version() != UNVERSIONED;
            if (change.document().isEmpty() && !versioned) {
                // deleting a missing document answers "not_found", which is the idempotent outcome we want
                write(BulkOperation.of(op -> op.delete(d -> d.id(id))));
                continue;
            }
            Map<String, Object> source =
                    change.document().map(OpenSearchTalentIndex::source).orElseGet(() -> Map.of(VISIBILITY, GONE));
            write(BulkOperation.of(op -> op.index(ix -> {
                ix.id(id).document(source);
                if (versioned) {
                    ix.version(change.version()).versionType(VersionType.External);
                }
                return ix;
            })));
        }
    }

    /**
     * Queues a write; the next search, read or {@link #commit} on this index sends the queue in one bulk request
     * that refreshes, so the write is visible to the next search here as the contract asks, and an outbox batch costs
     * one request and one refresh instead of one per learner (what keeps up with a hundred changes a second).
     */
    private void write(BulkOperation operation) {
        writes.lock();
        try {
            pending.add(operation);
            queued = true;
            if (pending.size() >= BULK_DOCUMENTS) {
                flush();
            }
        } finally {
            writes.unlock();
        }
    }

    /** Sends the pending writes in one bulk request with a refresh; if OpenSearch does not answer, they stay queued. */
    private void flush() {
        writes.lock();
        try {
            if (pending.isEmpty()) {
                return;
            }
            List<BulkOperation> batch = List.copyOf(pending);
            BulkResponse response;
            try {
                response = client.bulk(
                        b -> b.index(settings.alias()).operations(batch).refresh(Refresh.True));
            } catch (IOException e) {
                throw unreachable(e);
            }
            pending.clear();
            queued = false;
            String refused = refusal(response);
            if (refused != null) {
                refusedSinceCommit = refused;
                throw new IllegalStateException(refused);
            }
        } finally {
            writes.unlock();
        }
    }

    /** Readers send what this index has queued first; with nothing queued they take no lock (a rebuild holds it). */
    private void flushPending() {
        if (queued) {
            flush();
        }
    }

    @Override
    public Optional<TalentDocument> get(AccountId learner) {
        flushPending();
        try {
            @SuppressWarnings("rawtypes")
            GetResponse<Map> found = client.get(g -> g.index(settings.alias()).id(subjects.of(learner)), Map.class);
            if (!found.found()
                    || found.source() == null
                    || GONE.equals(found.source().get(VISIBILITY))) {
                return Optional.empty();
            }
            return Optional.of(document(learner, found.source()));
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    @Override
    public TalentHits top(SkillQuery query, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Ask for at least one document");
        }
        flushPending();
        Query skills = toQuery(query);
        try {
            @SuppressWarnings("rawtypes")
            SearchResponse<Map> best = client.search(
                    s -> s.index(settings.alias())
                            .query(skills)
                            .size(n)
                            .trackTotalHits(t -> t.enabled(true))
                            .source(src -> src.filter(f -> f.includes(LEARNER))),
                    Map.class);
            long total = best.hits().total() == null
                    ? best.hits().hits().size()
                    : best.hits().total().value();
            List<TalentHits.Hit> hits = new ArrayList<>(hits(best));
            if (hits.size() == n && total > n) {
                List<String> seen = best.hits().hits().stream().map(Hit::id).toList();
                hits.addAll(ties(skills, seen, hits.getLast().score()));
                hits.sort(Comparator.comparingDouble(TalentHits.Hit::score).reversed());
            }
            return new TalentHits(total, hits);
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    /** Every further document within {@link #TIE} of the n-th best, up to {@link #MAX_TIES}: a second, bounded pass. */
    @SuppressWarnings("rawtypes")
    private List<TalentHits.Hit> ties(Query skills, List<String> seen, double nth) throws IOException {
        float floor = (float) (nth - TIE);
        Query rest = Query.of(q -> q.bool(b -> b.must(skills).mustNot(m -> m.ids(i -> i.values(seen)))));
        SearchResponse<Map> tied = client.search(
                s -> s.index(settings.alias())
                        .query(rest)
                        .minScore((double) floor)
                        .size(MAX_TIES)
                        .trackTotalHits(t -> t.enabled(false))
                        .source(src -> src.filter(f -> f.includes(LEARNER))),
                Map.class);
        return hits(tied);
    }

    @SuppressWarnings("rawtypes")
    private static List<TalentHits.Hit> hits(SearchResponse<Map> response) {
        List<TalentHits.Hit> hits = new ArrayList<>(response.hits().hits().size());
        for (Hit<Map> hit : response.hits().hits()) {
            double score = hit.score() == null ? 0 : hit.score();
            Object learner = hit.source() == null ? null : hit.source().get(LEARNER);
            if (learner == null) {
                throw new IllegalStateException("A talent document without its account");
            }
            hits.add(new TalentHits.Hit(new AccountId(UUID.fromString(learner.toString())), score));
        }
        return hits;
    }

    /**
     * Every server writing to the same alias is one consumer: what one applied, the shared index holds. The name
     * carries the layout's version ({@code v2}: documents named by subject, versioned writes), so an alias filled by
     * an older layout is a new consumer and is rebuilt, not followed on from.
     */
    @Override
    public String consumer() {
        return "opensearch-v2:" + settings.alias();
    }

    @Override
    public long count() {
        flushPending();
        try {
            Query live = Query.of(q ->
                    q.bool(b -> b.mustNot(m -> m.term(t -> t.field(VISIBILITY).value(FieldValue.of(GONE))))));
            return client.count(c -> c.index(settings.alias()).query(live)).count();
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    @Override
    public void rebuild(Iterator<TalentDocument> documents, Map<String, Long> versions) {
        writes.lock();
        try {
            flush();
            Set<String> previous = concreteIndices();
            String fresh = newIndexName();
            // the bulk load goes fastest with no refreshes and no replicas; both come back before the alias moves
            createIndex(fresh, false);
            while (documents.hasNext()) {
                BulkRequest.Builder bulk = new BulkRequest.Builder().index(fresh);
                for (int i = 0; i < BULK_DOCUMENTS && documents.hasNext(); i++) {
                    TalentDocument document = documents.next();
                    String id = subjects.of(document.learner());
                    long version = versions.getOrDefault(id, 0L);
                    bulk.operations(op -> op.index(ix -> ix.id(id)
                            .document(source(document))
                            .version(version)
                            .versionType(VersionType.External)));
                }
                String refused = refusal(client.bulk(bulk.build()));
                if (refused != null) {
                    throw new IllegalStateException(refused);
                }
            }
            client.indices().putSettings(p -> p.index(fresh).settings(live()));
            client.indices().refresh(r -> r.index(fresh));
            client.indices().updateAliases(u -> {
                u.actions(a ->
                        a.add(add -> add.index(fresh).alias(settings.alias()).isWriteIndex(true)));
                for (String old : previous) {
                    u.actions(a -> a.remove(rm -> rm.index(old).alias(settings.alias())));
                }
                return u;
            });
            for (String old : previous) {
                client.indices().delete(d -> d.index(old));
            }
        } catch (IOException e) {
            throw unreachable(e);
        } finally {
            writes.unlock();
        }
    }

    /**
     * Sends what is queued and waits for OpenSearch's answer. That is enough to survive a crash: the index is created
     * with {@code index.translog.durability=request}, so OpenSearch syncs its translog before it answers. Fails if a
     * write was refused since the last commit (the outbox then applies its rows again rather than marking them done).
     */
    @Override
    public void commit() {
        writes.lock();
        try {
            flush();
            String refused = refusedSinceCommit;
            refusedSinceCommit = null;
            if (refused != null) {
                throw new IllegalStateException(refused);
            }
        } finally {
            writes.unlock();
        }
    }

    @Override
    public void close() {
        try {
            flushPending();
        } finally {
            closeTransport();
        }
    }

    private void closeTransport() {
        try {
            transport.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close the OpenSearch client", e);
        }
    }

    /** The alias, with an empty index behind it, unless it is there already. */
    private void ensureAlias() {
        try {
            if (client.indices().existsAlias(e -> e.name(settings.alias())).value()) {
                return;
            }
            if (client.indices().exists(e -> e.index(settings.alias())).value()) {
                throw new IllegalStateException("OpenSearch has an index named " + settings.alias()
                        + " where the talent index expects an alias: rename or delete it");
            }
            createIndex(newIndexName(), true);
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private void createIndex(String name, boolean live) throws IOException {
        IndexSettings shape = new IndexSettings.Builder()
                .numberOfShards(settings.shards())
                .numberOfReplicas(live ? settings.replicas() : 0)
                .refreshInterval(t -> t.time(live ? "1s" : "-1"))
                .translog(t -> t.durability(TranslogDurability.Request))
                .build();
        client.indices().create(c -> {
            c.index(name).settings(shape).mappings(mapping());
            if (live) {
                c.aliases(settings.alias(), a -> a.isWriteIndex(true));
            }
            return c;
        });
    }

    private IndexSettings live() {
        return new IndexSettings.Builder()
                .numberOfReplicas(settings.replicas())
                .refreshInterval(t -> t.time("1s"))
                .build();
    }

    /** Strict: a field this class does not know is refused, so nothing else about a learner can slip in. */
    private static TypeMapping mapping() {
        TypeMapping.Builder mapping = new TypeMapping.Builder().dynamic(DynamicMapping.Strict);
        mapping.properties(VISIBILITY, p -> p.keyword(k -> k));
        // read back to name a hit, never searched: the document's id is the subject, not the account
        mapping.properties(LEARNER, p -> p.keyword(k -> k.index(false).docValues(false)));
        for (String field : FIELDS.values()) {
            mapping.properties(field, p -> p.keyword(k -> k));
        }
        // indexed for the employer's filters only (a term each; never aggregated, never returned without the card)
        mapping.properties(REGION, p -> p.keyword(k -> k.docValues(false)));
        mapping.properties(AVAILABILITY, p -> p.keyword(k -> k.docValues(false)));
        return mapping.build();
    }

    private Set<String> concreteIndices() throws IOException {
        if (!client.indices().existsAlias(e -> e.name(settings.alias())).value()) {
            return Set.of();
        }
        return client.indices().getAlias(g -> g.name(settings.alias())).result().keySet();
    }

    private String newIndexName() {
        return settings.alias() + "-" + System.currentTimeMillis() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Query toQuery(SkillQuery query) {
        List<Query> clauses = new ArrayList<>();
        for (SkillPlan.Requirement requirement : query.plan().requirements()) {
            List<Query> ways =
                    requirement.ways().stream().map(OpenSearchTalentIndex::way).toList();
            if (requirement.onlyTheBest()) {
                clauses.add(Query.of(q -> q.disMax(d -> d.queries(ways).tieBreaker(0f))));
            } else {
                clauses.addAll(ways);
            }
        }
        Query anyAsked = Query.of(q -> q.bool(b -> b.should(clauses).minimumShouldMatch("1")));
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q ->
                q.term(t -> t.field(VISIBILITY).value(FieldValue.of(TalentDocument.Visibility.ANONYMOUS.name())))));
        // filter clauses score nothing and narrow what is counted, so "too few candidates" counts the filtered set
        query.filter()
                .region()
                .ifPresent(r ->
                        filters.add(Query.of(q -> q.term(t -> t.field(REGION).value(FieldValue.of(r))))));
        if (!query.filter().availability().isEmpty()) {
            List<FieldValue> words =
                    query.filter().availability().stream().map(FieldValue::of).toList();
            filters.add(Query.of(q -> q.terms(t -> t.field(AVAILABILITY).terms(v -> v.value(words)))));
        }
        return Query.of(q -> q.bool(b -> b.must(anyAsked).filter(filters)));
    }

    /** Documents holding any of the way's skills in its kind, scoring its points. */
    private static Query way(SkillPlan.Way way) {
        String field = FIELDS.get(way.kind());
        float boost = (float) way.points();
        List<FieldValue> values =
                way.skills().stream().map(u -> FieldValue.of(u.toString())).toList();
        Query holds = values.size() == 1
                ? Query.of(q -> q.term(t -> t.field(field).value(values.getFirst())))
                : Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(values))));
        return Query.of(q -> q.constantScore(c -> c.filter(holds).boost(boost)));
    }

    private static Map<String, Object> source(TalentDocument document) {
        Map<String, Object> source = new HashMap<>();
        source.put(VISIBILITY, document.visibility().name());
        source.put(LEARNER, document.learner().value().toString());
        Map<EvidenceKind, List<String>> byKind = new EnumMap<>(EvidenceKind.class);
        document.skills()
                .forEach((skill, kind) ->
                        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(skill.toString()));
        byKind.forEach((kind, skills) -> source.put(FIELDS.get(kind), skills));
        document.region().ifPresent(r -> source.put(REGION, r));
        document.availability().ifPresent(a -> source.put(AVAILABILITY, a));
        return source;
    }

    private static TalentDocument document(AccountId learner, Map<?, ?> source) {
        Map<URI, EvidenceKind> skills = new HashMap<>();
        FIELDS.forEach((kind, field) -> {
            if (source.get(field) instanceof List<?> uris) {
                uris.forEach(uri -> skills.put(URI.create(uri.toString()), kind));
            }
        });
        return new TalentDocument(
                learner,
                TalentDocument.Visibility.valueOf(String.valueOf(source.get(VISIBILITY))),
                skills,
                text(source.get(REGION)),
                text(source.get(AVAILABILITY)));
    }

    private static Optional<String> text(@Nullable Object value) {
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    /** What OpenSearch refused in a bulk request, if anything: how many, and the first reason (never a document). */
    private static @Nullable String refusal(BulkResponse response) {
        if (!response.errors()) {
            return null;
        }
        // a version conflict is an older change arriving after a newer one: the newer stands, which is the aim
        List<BulkResponseItem> failed = response.items().stream()
                .filter(i -> i.error() != null
                        && !"version_conflict_engine_exception".equals(i.error().type()))
                .toList();
        if (failed.isEmpty()) {
            return null;
        }
        var first = failed.getFirst().error();
        return "OpenSearch refused " + failed.size() + " talent index writes, the first because: " + first.type() + " "
                + first.reason();
    }

    private static ApacheHttpClient5Transport transport(Settings settings) {
        URI url = settings.url();
        int port = url.getPort() > 0 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 9200);
        HttpHost host = new HttpHost(url.getScheme(), url.getHost(), port);
        Timeout timeout = Timeout.of(settings.timeout());
        @Nullable String userInfo = url.getRawUserInfo();
        return ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(new JacksonJsonpMapper())
                .setRequestConfigCallback(r -> r.setResponseTimeout(timeout).setConnectionRequestTimeout(timeout))
                .setConnectionConfigCallback(c -> c.setConnectTimeout(timeout))
                .setHttpClientConfigCallback(http -> {
                    if (userInfo != null && userInfo.contains(":")) {
                        String user = decode(userInfo.substring(0, userInfo.indexOf(':')));
                        String password = decode(userInfo.substring(userInfo.indexOf(':') + 1));
                        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                        credentials.setCredentials(
                                new AuthScope(host), new UsernamePasswordCredentials(user, password.toCharArray()));
                        http.setDefaultCredentialsProvider(credentials);
                    }
                    return http;
                })
                .build();
    }

    private static String decode(String part) {
        return java.net.URLDecoder.decode(part, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The URL without its user information, for messages and logs. */
    static String safe(URI url) {
        return url.getRawUserInfo() == null ? url.toString() : url.toString().replace(url.getRawUserInfo() + "@", "");
    }

    private RuntimeException unreachable(IOException e) {
        return new UncheckedIOException(
                "The talent index on OpenSearch (" + safe(settings.url()) + ") did not answer", e);
    }
}
