package org.openler.standards.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openler.standards.StandardsException;

/** An OB 3.0 ResultDescription's pass mark as it is written into the achievement. */
class ResultDescriptionTests {

    static final URI LOW = URI.create("urn:uuid:00000000-0000-4000-8000-000000000001");
    static final URI HIGH = URI.create("urn:uuid:00000000-0000-4000-8000-000000000002");

    static List<Achievement.RubricLevel> rubric() {
        return List.of(
                new Achievement.RubricLevel(LOW, "Novice", Optional.empty()),
                new Achievement.RubricLevel(HIGH, "Expert", Optional.empty()));
    }

    /** A rubric-level result on {@link #rubric()} whose pass mark is the level {@code required}. */
    static Achievement.ResultDescription rubricRequiring(URI required) {
        return new Achievement.ResultDescription(
                URI.create("urn:rd:2"),
                "Skill",
                "RubricCriterionLevel",
                List.of(),
                Optional.empty(),
                Optional.empty(),
                rubric(),
                List.of(),
                Optional.empty(),
                Optional.of(required));
    }

    @Test
    void aPassMarkIsWrittenAsRequiredValueOrRequiredLevelAndNoneIsWrittenWithoutOne() {
        JsonObject percent = new Achievement.ResultDescription(
                        URI.create("urn:rd:1"),
                        "Exam",
                        "Percent",
                        List.of(),
                        Optional.of("0"),
                        Optional.of("100"),
                        List.of(),
                        List.of(),
                        Optional.of("70"),
                        Optional.empty())
                .toJson();
        assertThat(percent.getString("requiredValue")).isEqualTo("70");
        assertThat(percent).doesNotContainKey("requiredLevel");

        JsonObject rubric = rubricRequiring(HIGH).toJson();
        assertThat(rubric.getString("requiredLevel")).isEqualTo(HIGH.toString());
        assertThat(rubric).doesNotContainKey("requiredValue");

        JsonObject none = new Achievement.ResultDescription(
                        URI.create("urn:rd:3"),
                        "Grade",
                        "LetterGrade",
                        List.of("A", "B"),
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        List.of())
                .toJson();
        assertThat(none).doesNotContainKeys("requiredValue", "requiredLevel");
    }

    @Test
    void aRequiredLevelThatIsNotOneOfTheRubricsLevelsIsRefused() {
        assertThatThrownBy(() -> rubricRequiring(URI.create("urn:uuid:elsewhere")))
                .isInstanceOfSatisfying(
                        StandardsException.class,
                        e -> assertThat(e.code()).isEqualTo(StandardsException.Code.INVALID_ARGUMENT));
    }
}
