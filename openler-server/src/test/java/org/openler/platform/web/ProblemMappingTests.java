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
}
