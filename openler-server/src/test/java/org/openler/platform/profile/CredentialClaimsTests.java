package org.openler.platform.profile;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openler.standards.json.Jsons;

/** The level an Open Badges 3.0 credential says its holder reached in an aligned skill (result → rubric level). */
class CredentialClaimsTests {

    private static final String WELDING = "http://data.europa.eu/esco/skill/welding";
    private static final String SAFETY = "http://data.europa.eu/esco/skill/safety";

    static JsonObject credential(String rubric, String achieved) {
        String json = """
                {"type": ["VerifiableCredential", "OpenBadgeCredential"],
                 "credentialSubject": {
                   "type": ["AchievementSubject"],
                   "result": [{"type": ["Result"], "resultDescription": "urn:rd:weld", "achievedLevel": "%s"}],
                   "achievement": {
                     "id": "urn:achievement:1",
                     "alignment": [
                       {"type": ["Alignment"], "targetUrl": "%s", "targetName": "welding"},
                       {"type": ["Alignment"], "targetUrl": "%s", "targetName": "safety"}],
                     "resultDescription": [{
                       "id": "urn:rd:weld", "type": ["ResultDescription"], "name": "Weld quality",
                       "resultType": "RubricCriterionLevel",
                       "alignment": [{"type": ["Alignment"], "targetUrl": "%s", "targetName": "welding"}],
                       "rubricCriterionLevel": %s}]}}}
                """.formatted(achieved, WELDING, SAFETY, WELDING, rubric);
        return Jsons.PROVIDER.createReader(new StringReader(json)).readObject();
    }

    @Test
    void theAchievedRubricLevelByItsPointsSetsTheLevelOfTheSkillsTheResultDescriptionAlignsTo() {
        String rubric = """
                [{"id": "urn:l:1", "type": ["RubricCriterionLevel"], "name": "Novice", "points": "0"},
                 {"id": "urn:l:2", "type": ["RubricCriterionLevel"], "name": "Competent", "points": "5"},
                 {"id": "urn:l:3", "type": ["RubricCriterionLevel"], "name": "Expert", "points": "20"}]
                """;
        CredentialClaims claims = CredentialClaims.of(credential(rubric, "urn:l:2"));
        assertThat(claims.alignments())
                .extracting(a -> a.targetUrl().toString(), CredentialClaims.Alignment::level)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(WELDING, 2),
                        org.assertj.core.groups.Tuple.tuple(SAFETY, 0));
        assertThat(CredentialClaims.of(credential(rubric, "urn:l:3"))
                        .alignments()
                        .getFirst()
                        .level())
                .isEqualTo(5);
    }

    @Test
    void withoutPointsTheRubricsOrderDecidesAndAnUnknownLevelStatesNone() {
        String rubric = """
                [{"id": "urn:l:a", "type": ["RubricCriterionLevel"], "name": "Basic"},
                 {"id": "urn:l:b", "type": ["RubricCriterionLevel"], "name": "Good"},
                 {"id": "urn:l:c", "type": ["RubricCriterionLevel"], "name": "Very good"},
                 {"id": "urn:l:d", "type": ["RubricCriterionLevel"], "name": "Excellent"},
                 {"id": "urn:l:e", "type": ["RubricCriterionLevel"], "name": "Outstanding"}]
                """;
        assertThat(CredentialClaims.of(credential(rubric, "urn:l:d"))
                        .alignments()
                        .getFirst()
                        .level())
                .isEqualTo(4);
        assertThat(CredentialClaims.of(credential(rubric, "urn:l:zzz"))
                        .alignments()
                        .getFirst()
                        .level())
                .isZero();
    }

    /** A credential whose achievement aligns to welding and safety, with one rubric on welding and one graded result. */
    static JsonObject graded(String gradeDescription, String value) {
        String json = """
                {"type": ["VerifiableCredential", "OpenBadgeCredential"],
                 "credentialSubject": {
                   "type": ["AchievementSubject"],
                   "result": [{"type": ["Result"], "resultDescription": "urn:rd:grade", "value": "%s"}],
                   "achievement": {
                     "id": "urn:achievement:2",
                     "alignment": [
                       {"type": ["Alignment"], "targetUrl": "%s", "targetName": "welding"},
                       {"type": ["Alignment"], "targetUrl": "%s", "targetName": "safety"}],
                     "resultDescription": [%s]}}}
                """.formatted(value, WELDING, SAFETY, gradeDescription);
        return Jsons.PROVIDER.createReader(new StringReader(json)).readObject();
    }

    static int gradedLevel(String gradeDescription, String value) {
        var alignments = CredentialClaims.of(graded(gradeDescription, value)).alignments();
        assertThat(alignments)
                .extracting(CredentialClaims.Alignment::level)
                .containsOnly(alignments.getFirst().level());
        return alignments.getFirst().level();
    }

    @Test
    void aLetterGradeWithoutAlignmentsLevelsEverySkillTheAchievementAlignsToByTheDocumentedTable() {
        String letter = """
                {"id": "urn:rd:grade", "type": ["ResultDescription"], "name": "Final grade", "resultType": "LetterGrade"}
                """;
        java.util.Map<String, Integer> levels = new java.util.LinkedHashMap<>();
        for (String grade : java.util.List.of("A+", "A", "a-", "B+", "B", "B\u2212", "C+", "C", "D-", "F")) {
            levels.put(grade, gradedLevel(letter, grade));
        }
        assertThat(levels)
                .containsExactly(
                        java.util.Map.entry("A+", 5),
                        java.util.Map.entry("A", 5),
                        java.util.Map.entry("a-", 5),
                        java.util.Map.entry("B+", 4),
                        java.util.Map.entry("B", 4),
                        java.util.Map.entry("B\u2212", 4),
                        java.util.Map.entry("C+", 3),
                        java.util.Map.entry("C", 3),
                        java.util.Map.entry("D-", 2),
                        java.util.Map.entry("F", 1));
        assertThat(gradedLevel(letter, "Distinction"))
                .as("not a letter of A–F: no level")
                .isZero();
        assertThat(gradedLevel(letter, "F+")).isZero();
    }

    @Test
    void aLetterBelowTheRequiredLetterIsLevelOneAndTheRestKeepTheirLetters() {
        String passedAtC = """
                {"id": "urn:rd:grade", "type": ["ResultDescription"], "name": "Final grade", "resultType": "LetterGrade",
                 "requiredValue": "C"}
                """;
        assertThat(Stream.of("A", "B-", "C", "C-", "D+", "F").map(v -> gradedLevel(passedAtC, v)))
                .containsExactly(5, 4, 3, 3, 1, 1);
        String passedAtSomething = passedAtC.replace("\"C\"", "\"Pass\"");
        assertThat(gradedLevel(passedAtSomething, "D"))
                .as("a required value that is no letter of A–F sets no pass mark")
                .isEqualTo(2);
    }

    @Test
    void aRubricLevelBelowTheRequiredLevelIsLevelOne() {
        String rubric = """
                [{"id": "urn:l:a", "type": ["RubricCriterionLevel"], "name": "Novice"},
                 {"id": "urn:l:b", "type": ["RubricCriterionLevel"], "name": "Competent"},
                 {"id": "urn:l:c", "type": ["RubricCriterionLevel"], "name": "Proficient"},
                 {"id": "urn:l:d", "type": ["RubricCriterionLevel"], "name": "Expert"}]
                """;
        JsonObject required = credential(rubric, "urn:l:b");
        String text = required.toString()
                .replace("\"rubricCriterionLevel\"", "\"requiredLevel\":\"urn:l:c\",\"rubricCriterionLevel\"");
        Function<String, Integer> level = achieved -> CredentialClaims.of(Jsons.PROVIDER
                        .createReader(new StringReader(text.replace(
                                "\"achievedLevel\":\"urn:l:b\"", "\"achievedLevel\":\"" + achieved + "\"")))
                        .readObject())
                .alignments()
                .getFirst()
                .level();
        assertThat(CredentialClaims.of(required).alignments().getFirst().level())
                .as("without the pass mark Competent is 2 of 1–5")
                .isEqualTo(2);
        assertThat(Stream.of("urn:l:a", "urn:l:b", "urn:l:c", "urn:l:d").map(level))
                .containsExactly(1, 1, 4, 5);
    }

    @Test
    void aPercentReadsAsTheLetterBandsAndAScoreUsesItsRangeAndPassMark() {
        String percent = """
                {"id": "urn:rd:grade", "type": ["ResultDescription"], "name": "Exam", "resultType": "Percent",
                 "valueMin": "0", "valueMax": "100"}
                """;
        assertThat(java.util.stream.Stream.of("100", "90", "87%", "80", "79.9", "70", "60", "59.5", "0")
                        .map(v -> gradedLevel(percent, v)))
                .containsExactly(5, 5, 4, 4, 3, 3, 2, 1, 1);
        assertThat(gradedLevel(percent, "120"))
                .as("outside the range: no level")
                .isZero();
        assertThat(gradedLevel(percent, "lots")).isZero();

        // a 200–800 scaled score passed at 500: below 500 is 1, 500–575 2, 575–650 3, 650–725 4, 725–800 5
        String scaled = """
                {"id": "urn:rd:grade", "type": ["ResultDescription"], "name": "Board exam", "resultType": "ScaledScore",
                 "valueMin": "200", "valueMax": "800", "requiredValue": "500"}
                """;
        assertThat(java.util.stream.Stream.of("499", "500", "600", "700", "725", "800")
                        .map(v -> gradedLevel(scaled, v)))
                .containsExactly(1, 2, 3, 4, 5, 5);
        String noRange = """
                {"id": "urn:rd:grade", "type": ["ResultDescription"], "name": "Raw", "resultType": "RawScore"}
                """;
        assertThat(gradedLevel(noRange, "42"))
                .as("a raw score without its range says no level")
                .isZero();
    }

    @Test
    void aRubricLevelOnASkillOutranksTheCourseGradeForThatSkill() {
        String json = """
                {"type": ["VerifiableCredential", "OpenBadgeCredential"],
                 "credentialSubject": {
                   "type": ["AchievementSubject"],
                   "result": [{"type": ["Result"], "resultDescription": "urn:rd:weld", "achievedLevel": "urn:l:1"},
                              {"type": ["Result"], "resultDescription": "urn:rd:grade", "value": "A"}],
                   "achievement": {
                     "id": "urn:achievement:3",
                     "alignment": [
                       {"type": ["Alignment"], "targetUrl": "%s", "targetName": "welding"},
                       {"type": ["Alignment"], "targetUrl": "%s", "targetName": "safety"}],
                     "resultDescription": [
                       {"id": "urn:rd:weld", "type": ["ResultDescription"], "name": "Weld quality",
                        "resultType": "RubricCriterionLevel",
                        "alignment": [{"type": ["Alignment"], "targetUrl": "%s", "targetName": "welding"}],
                        "rubricCriterionLevel": [{"id": "urn:l:1", "name": "Novice"}, {"id": "urn:l:2", "name": "Expert"}]},
                       {"id": "urn:rd:grade", "type": ["ResultDescription"], "name": "Grade", "resultType": "LetterGrade"}]}}}
                """.formatted(WELDING, SAFETY, WELDING);
        assertThat(CredentialClaims.of(Jsons.PROVIDER
                                .createReader(new StringReader(json))
                                .readObject())
                        .alignments())
                .extracting(a -> a.targetUrl().toString(), CredentialClaims.Alignment::level)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(WELDING, 1),
                        org.assertj.core.groups.Tuple.tuple(SAFETY, 5));
    }
}
