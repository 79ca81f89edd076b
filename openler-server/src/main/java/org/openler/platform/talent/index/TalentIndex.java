package org.openler.platform.talent.index;

import java.util.Collection;
import java.util.Iterator;
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
 */
public interface TalentIndex extends AutoCloseable {

    /**
     * How many documents tied with the n-th best {@link #top} returns beyond n at most: enough for the caller to
     * break ties its own way (the search orders equal scores by the employer's pseudonym) in any realistic query.
     */
    int MAX_TIES = 10_000;

    /** Two first-pass scores this close (on the 0–100 scale) are a tie: single-precision sums may differ by less. */
    double TIE = 1e-3;

    /** Adds the learner's document, or replaces the one they had. */
    void put(TalentDocument document);

    /** Removes the learner's document; nothing happens when there is none. */
    void remove(AccountId learner);

    /**
     * Puts and removes several documents, visible together when it returns: what the outbox follower applies in one
     * round. Implementations may refresh their searchers once for all of them.
     */
    default void apply(Collection<TalentDocument> puts, Collection<AccountId> removes) {
        puts.forEach(this::put);
        removes.forEach(this::remove);
    }

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
    void rebuild(Iterator<TalentDocument> documents);

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
