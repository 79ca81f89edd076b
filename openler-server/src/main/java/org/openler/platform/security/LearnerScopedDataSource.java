package org.openler.platform.security;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.openler.platform.kernel.AccountId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that, inside a {@link LearnerScope}, run as the role {@code openler_learner} with the
 * learner's account id set (PostgreSQL row-level security, vendor migration V101, then admits only that learner's
 * rows), and are put back as the application's own when closed. Outside a scope, and on H2 (the demo), connections
 * pass through untouched.
 *
 * <p>Session-level settings rather than {@code SET LOCAL}: the scope must hold for statements outside a transaction
 * too. A connection whose settings cannot be put back is aborted, never returned to the pool as the learner.
 */
final class LearnerScopedDataSource extends DelegatingDataSource {

    private static final Logger log = LoggerFactory.getLogger(LearnerScopedDataSource.class);
    static final String ROLE = "openler_learner";

    private volatile @org.jspecify.annotations.Nullable Boolean postgres;

    LearnerScopedDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(super.getConnection(username, password));
    }

    private Connection scoped(Connection connection) throws SQLException {
        Optional<AccountId> learner = LearnerScope.current();
        if (learner.isEmpty() || !isPostgres(connection)) {
            return connection;
        }
        try (PreparedStatement enter = connection.prepareStatement(
                "select set_config('openler.account_id', ?, false), set_config('role', '" + ROLE + "', false)")) {
            enter.setString(1, learner.get().value().toString());
            enter.execute();
        } catch (SQLException e) {
            discard(connection);
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        leave(connection);
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Back to the application's role before the pool gets the connection again. */
    private static void leave(Connection connection) throws SQLException {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback(); // an unfinished transaction would block the reset
            }
            try (PreparedStatement reset = connection.prepareStatement(
                    "select set_config('role', 'none', false), set_config('openler.account_id', '', false)")) {
                reset.execute();
            }
            connection.close();
        } catch (SQLException e) {
            log.warn("A learner-scoped connection could not be reset and is discarded: {}", e.getMessage());
            discard(connection);
        }
    }

    /** Aborts the physical connection, then closes the pool's handle so the pool evicts it rather than reusing it. */
    private static void discard(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException ignored) {
            // already broken: closing below is all that is left to do
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the pool notices the aborted connection on its own
        }
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase()
                    .contains("postgresql");
            postgres = known;
        }
        return known;
    }
}
