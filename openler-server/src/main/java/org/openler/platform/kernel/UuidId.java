package org.openler.platform.kernel;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.jdbc.support.SqlValue;

/**
 * A typed id over a UUID ({@link AccountId}, {@code CredentialId}, ...). It binds itself as a JDBC parameter, so a
 * store may hand the id to {@code JdbcClient} as it is: a record the driver does not know compiles, and used to fail
 * only at run time (PostgreSQL: "Can't infer the SQL type"). Spring's JDBC support sets a {@link SqlValue} through
 * {@link #setValue}, for positional and named parameters alike.
 */
public interface UuidId extends SqlValue {

    UUID value();

    @Override
    default void setValue(PreparedStatement statement, int index) throws SQLException {
        statement.setObject(index, value());
    }

    @Override
    default void cleanup() {}
}
