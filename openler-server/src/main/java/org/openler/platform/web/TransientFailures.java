package org.openler.platform.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.TemporarilyUnavailable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises the errors that mean "the database cannot be reached right now" — it is down, restarting, refusing
 * connections, or the pool waited its whole connection timeout — or that another dependency said so with
 * {@link TemporarilyUnavailable} (the signer's key store), as opposed to a bug. Those become {@code 503
 * service-unavailable} with {@code Retry-After} (docs/resilience.md), never a 500 with an incident: the request may
 * be retried unchanged (writes with their idempotency key), and nothing was half-written because the transaction
 * that failed rolled back.
 */
final class TransientFailures {

    /** Seconds a client should wait before retrying: about one restart of PostgreSQL and one pool refill. */
    static final int RETRY_AFTER_SECONDS = 5;

    private TransientFailures() {}

    static boolean isTransient(@Nullable Throwable error) {
        Throwable at = error;
        for (int depth = 0; at != null && depth < 32; depth++, at = at.getCause()) {
            if (at instanceof TransientDataAccessException
                    || at instanceof DataAccessResourceFailureException
                    || at instanceof CannotCreateTransactionException
                    || at instanceof SQLTransientException
                    || at instanceof SQLRecoverableException
                    || at instanceof ConnectException
                    // a key store or other dependency that said "not now" (e.g. the signer's keys cannot be loaded)
                    || at instanceof TemporarilyUnavailable) {
                return true;
            }
            if (at instanceof SQLException sql && transientState(sql.getSQLState())) {
                return true;
            }
            // A commit or rollback that failed at the JDBC level: the connection broke under the transaction (the
            // pool's "Connection is closed" has no SQLSTATE). Its outcome is the database's, so the client retries
            // with its idempotency key; the error that started the rollback is kept aside, not as the cause.
            if (at instanceof TransactionSystemException failed
                    && (failed.getCause() instanceof SQLException || isTransient(failed.getApplicationException()))) {
                return true;
            }
            if (at.getCause() == at) {
                return false;
            }
        }
        return false;
    }

    /**
     * SQLSTATE classes: 08 connection exception, 57P01–57P03 the server shutting down or starting, 53 insufficient
     * resources (too many connections, disk full), 40001/40P01 serialization failure and deadlock (retry).
     */
    static boolean transientState(@Nullable String state) {
        if (state == null) {
            return false;
        }
        return state.startsWith("08")
                || state.startsWith("57P")
                || state.startsWith("53")
                || state.equals("40001")
                || state.equals("40P01");
    }
}
