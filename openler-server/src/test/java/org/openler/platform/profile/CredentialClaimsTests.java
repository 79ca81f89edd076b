package org.openler.platform.profile;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.StringReader;
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
}
