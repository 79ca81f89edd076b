package org.openler.platform.security;

import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;

/**
 * The learner whose own records the current thread is serving. While it is set, every database connection the thread
 * takes runs as the PostgreSQL role {@code openler_learner} with {@code openler.account_id} set to this learner, so
 * row-level security lets its statements see and write only this learner's rows ({@link LearnerScopedDataSource}),
 * whatever the SQL says. The web layer sets it for the learner's record pages and API ({@link LearnerScopeFilter}).
 */
public final class LearnerScope {

    private static final ThreadLocal<@Nullable AccountId> CURRENT = new ThreadLocal<>();

    private LearnerScope() {}

    public static Optional<AccountId> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code work} with the database limited to {@code learner}'s rows; scopes do not nest. */
    public static <T> T as(AccountId learner, Supplier<T> work) {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("A learner scope is already open on this thread");
        }
        CURRENT.set(learner);
        try {
            return work.get();
        } finally {
            CURRENT.remove();
        }
    }
}
