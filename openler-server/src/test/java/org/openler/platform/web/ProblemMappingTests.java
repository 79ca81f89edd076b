package org.openler.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openler.platform.problems.Problem;
import org.openler.standards.StandardsException;

class ProblemMappingTests {

    @Test
    void aDocumentThatWouldLoseDataWhenSignedIsTheClientsMistakeNamedWithItsPath() {
        ProblemMapping.Mapped mapped = ProblemMapping.map(new StandardsException(
                StandardsException.Code.DATA_LOSS,
                "DATA_LOSS_DETECTION_ERROR at $.type: 'UndefinedType' is not defined by the contexts"));
        assertThat(mapped.problem()).isEqualTo(Problem.INVALID_INPUT);
        assertThat(mapped.problem().status().value()).isEqualTo(400);
        assertThat(mapped.detail()).contains("DATA_LOSS_DETECTION_ERROR at $.type");
    }

    @Test
    void anyOtherStandardsFailureInAHandlerStaysOurs() {
        ProblemMapping.Mapped mapped =
                ProblemMapping.map(new StandardsException(StandardsException.Code.INVALID_KEY, "bad key"));
        assertThat(mapped.problem()).isEqualTo(Problem.INTERNAL);
    }

    @ParameterizedTest
    @EnumSource(StandardsException.Code.class)
    void everyLibraryErrorCodeMapsToAProblemTypeWithItsReasonUnlessTheFailureIsOurs(StandardsException.Code code) {
        ProblemMapping.Mapped mapped = ProblemMapping.map(new StandardsException(code, "the precise reason"));
        assertThat(mapped.problem()).isEqualTo(ProblemMapping.problem(code));
        assertThat(mapped.problem().type().toString()).startsWith(Problem.TYPE_BASE);
        if (mapped.problem() == Problem.INTERNAL) {
            assertThat(mapped.detail()).doesNotContain("the precise reason");
        } else {
            assertThat(mapped.problem().status().is4xxClientError()).isTrue();
            assertThat(mapped.detail()).isEqualTo("the precise reason");
        }
    }

    @Test
    void unreadableAndTooLargeBodiesKeepTheProblemsTheHandlersUsedToGiveThem() {
        assertThat(ProblemMapping.problem(StandardsException.Code.MALFORMED_JSON))
                .isEqualTo(Problem.MALFORMED_REQUEST);
        assertThat(ProblemMapping.problem(StandardsException.Code.DUPLICATE_KEY))
                .isEqualTo(Problem.MALFORMED_REQUEST);
        assertThat(ProblemMapping.problem(StandardsException.Code.TOO_DEEP)).isEqualTo(Problem.MALFORMED_REQUEST);
        assertThat(ProblemMapping.problem(StandardsException.Code.TOO_LARGE)).isEqualTo(Problem.PAYLOAD_TOO_LARGE);
        assertThat(ProblemMapping.problem(StandardsException.Code.INVALID_PROOF))
                .isEqualTo(Problem.INVALID_INPUT);
    }

    @Test
    void aValueOfTheWrongTypeSaysWhatItMustBe() {
        assertThat(ProblemMapping.expected(int.class)).isEqualTo("Must be a whole number.");
        assertThat(ProblemMapping.expected(UUID.class)).startsWith("Must be a UUID");
        assertThat(ProblemMapping.expected(boolean.class)).isEqualTo("Must be true or false.");
        assertThat(ProblemMapping.expected(null)).isNotBlank();
    }

    @Test
    void aDatabaseThatCannotBeReachedIsAServiceUnavailableNotOurBug() {
        var noConnection = new org.springframework.jdbc.CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        assertThat(ProblemMapping.map(noConnection).problem()).isEqualTo(Problem.SERVICE_UNAVAILABLE);
        assertThat(Problem.SERVICE_UNAVAILABLE.status().value()).isEqualTo(503);
        var cutOff = new org.springframework.dao.DataAccessResourceFailureException(
                "I/O error", new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertThat(ProblemMapping.map(cutOff).problem()).isEqualTo(Problem.SERVICE_UNAVAILABLE);
        var shuttingDown = new org.springframework.jdbc.UncategorizedSQLException(
                "insert", "insert into x", new java.sql.SQLException("terminating connection", "57P01"));
        assertThat(ProblemMapping.map(shuttingDown).problem()).isEqualTo(Problem.SERVICE_UNAVAILABLE);
    }

    @Test
    void aRollbackThatFailsBecauseTheConnectionWasCutIsAServiceUnavailable() {
        // Found by DatabaseOutageTrial: the pool's "Connection is closed" has no SQLSTATE, and the error that started
        // the rollback is kept aside as the "application exception", not as the cause.
        var failed = new org.springframework.transaction.TransactionSystemException(
                "JDBC rollback failed", new java.sql.SQLException("Connection is closed"));
        failed.initApplicationException(new IllegalStateException("whatever the handler was doing"));
        assertThat(ProblemMapping.map(failed).problem()).isEqualTo(Problem.SERVICE_UNAVAILABLE);
    }

    @Test
    void aSignerWhoseKeyStoreCannotBeReachedIsAServiceUnavailableEvenWhenWrapped() {
        var keyStore = new org.openler.platform.kernel.TemporarilyUnavailable("the key store did not answer");
        assertThat(ProblemMapping.map(keyStore).problem()).isEqualTo(Problem.SERVICE_UNAVAILABLE);
        assertThat(ProblemMapping.map(new IllegalStateException("signing failed", keyStore))
                        .problem())
                .isEqualTo(Problem.SERVICE_UNAVAILABLE);
        // a key that cannot be opened at all (wrong master key) is not something waiting cures
        assertThat(ProblemMapping.map(new IllegalStateException("Sealed key material has an unknown layout."))
                        .problem())
                .isEqualTo(Problem.INTERNAL);
    }

    @Test
    void aConstraintViolationOrABugStaysWhatItIs() {
        var duplicate = new org.springframework.dao.DuplicateKeyException(
                "duplicate", new java.sql.SQLException("duplicate key", "23505"));
        assertThat(ProblemMapping.map(duplicate).problem()).isEqualTo(Problem.INTERNAL);
        assertThat(ProblemMapping.map(new IllegalStateException("bug")).problem())
                .isEqualTo(Problem.INTERNAL);
        var syntax = new org.springframework.jdbc.BadSqlGrammarException(
                "select", "selec 1", new java.sql.SQLException("syntax error", "42601"));
        assertThat(ProblemMapping.map(syntax).problem()).isEqualTo(Problem.INTERNAL);
    }
}
