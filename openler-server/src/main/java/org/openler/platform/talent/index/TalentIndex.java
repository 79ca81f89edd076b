package org.openler.platform.talent.index;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openler.platform.kernel.AccountId;

/**
 * The one search interface of talent search at scale, with a document per discoverable learner. Implementations: the
 * embedded Lucene index (the default) and a distributed engine selected by configuration. The index is derived from
 * PostgreSQL and can be thrown away: {@link #rebuild} fills it again from the database, and the talent outbox applies
 * every later change with {@link #put} and {@link #remove}. The behaviour every implementation must have is the
 * contract test suite ({@code TalentIndexContract}).
 *
 * <p>Writes are idempotent (the outbox applies a change again after a crash) and visible to the next {@link #top} as
 * soon as they return (turning discovery off must take a learner out of results within a second).
 *
 * <p>Documents are named by their {@link Subjects subject}, a one-way hash of the account id, never by the id. The
 * outbox follower's writes ({@link #apply}) carry a version, the sequence number of the newest outbox row behind
 * them: a change whose version is not above the one the index last applied for that subject, put or removal, is
 * skipped, not an error. So when several servers write to one shared index, a server that derived a document earlier
 * and sends it later can never overwrite a newer document or bring back a removed one.
 */
public interface TalentIndex extends AutoCloseable {

    /**
     * How many documents tied with the n-th best {@link #top} returns beyond n at most: enough for the caller to
     * break ties its own way (the search orders equal scores by the employer's pseudonym) in any realistic query.
     */
    int MAX_TIES = 10_000;

    /** Two first-pass scores this close (on the 0–100 scale) are a tie: single-precision sums may differ by less. */
    double TIE = 1e-3;

    /** The version of a write that is applied whatever the index holds (tests, tools): no ordering at all. */
    long UNVERSIONED = -1;

    /**
     * One change to apply: the subject's document now, or none (remove it), at a version.
     *
     * @param version the sequence number of the newest outbox row the change answers, or {@link #UNVERSIONED}
     */
    record Change(String subject, long version, Optional<TalentDocument> document) {}

    /** Adds the learner's document, or replaces the one they had, whatever the index holds ({@link #UNVERSIONED}). */
    default void put(TalentDocument document) {
        apply(List.of(new Change(subject(document.learner()), UNVERSIONED, Optional.of(document))));
    }

    /** Removes the learner's document, whatever the index holds; nothing happens when there is none. */
    default void remove(AccountId learner) {
        apply(List.of(new Change(subject(learner), UNVERSIONED, Optional.empty())));
    }

    /**
     * Applies several changes, visible together when it returns: what the outbox follower applies in one round. A
     * versioned change not newer than what the index last applied for its subject is skipped (see the class
     * comment). The document of a put must be the subject's ({@link #subject}).
     */
    void apply(Collection<Change> changes);

    /** The name under which this index files the learner's document. */
    String subject(AccountId learner);

    /** The learner's document as indexed, if any. */
    Optional<TalentDocument> get(AccountId learner);

    /**
     * The {@link TalentDocument.Visibility#ANONYMOUS anonymous} documents holding at least one asked skill: their
     * number, and the {@code n} best by {@link SkillQuery#score} (best first), followed by every further document
     * whose score is within {@link #TIE} of the n-th best, up to {@link #MAX_TIES} of them. Internal-only documents
     * are never counted or returned, nor are documents the query's {@link SkillQuery.Filter filter} does not admit.
     */
    TalentHits top(SkillQuery query, int n);

    /** The number of documents held, of every visibility. */
    long count();

    /**
     * Replaces the whole content with these documents (the rebuild from PostgreSQL). Searches during a rebuild see
     * the previous content until it is complete.
     */
    default void rebuild(Iterator<TalentDocument> documents) {
        rebuild(documents, Map.of());
    }

    /**
     * Replaces the whole content with these documents, each at the version given for its subject (0 when none is
     * given): versions read before the documents were derived, so a later change to any of them is newer.
     */
    void rebuild(Iterator<TalentDocument> documents, Map<String, Long> versions);

    /**
     * Who applies the talent outbox to this index: outbox rows are marked applied per consumer. An index rebuilt at
     * every start (in memory) names itself afresh in each process; one that keeps its content (a directory, an
     * OpenSearch alias) has a stable name, shared by every server writing to the same content.
     */
    String consumer();

    /** Makes every write so far survive a crash of this process (before the outbox marks it done). */
    void commit();

    @Override
    void close();
}
