package org.openler.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
}
