package org.openler.platform.obapi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The pieces of the Open Badges / CLR API that need no server: scopes, the error body, credential kinds. */
class ObApiPartsTests {

    @Test
    void theEightScopesAreTheTwoApisFourEachAndEachIsRecognizedWithItsConsentMessage() {
        assertThat(ObScopes.all()).hasSize(8);
        assertThat(ObScopes.of("https://purl.imsglobal.org/spec/clr/v2p0/scope/profile.update"))
                .hasValueSatisfying(known -> {
                    assertThat(known.standard()).isEqualTo(ObStandard.CLR);
                    assertThat(known.scope()).isEqualTo(ObScopes.PROFILE_UPDATE);
                    assertThat(known.messageKey()).isEqualTo("obapi.scope.CLR_PROFILE_UPDATE");
                });
        assertThat(ObScopes.of(ObScopes.CREDENTIAL_READONLY.uri()).orElseThrow().messageKey())
                .isEqualTo("obapi.scope.CREDENTIAL_READONLY");
        assertThat(ObScopes.of("https://purl.imsglobal.org/spec/ob/v3p0/scope/everything"))
                .isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anImsxStatusInfoHasTheSpecificationsFieldsAndCodeMinor() {
        Map<String, Object> body = ImsxStatusInfo.forbidden("No.").body();
        assertThat(body)
                .containsEntry("imsx_codeMajor", "failure")
                .containsEntry("imsx_severity", "error")
                .containsEntry("imsx_description", "No.");
        Map<String, Object> minor = (Map<String, Object>) body.get("imsx_codeMinor");
        List<Map<String, String>> fields = (List<Map<String, String>>) minor.get("imsx_codeMinorField");
        assertThat(fields)
                .containsExactly(
                        Map.of("imsx_codeMinorFieldName", "TargetEndSystem", "imsx_codeMinorFieldValue", "forbidden"));
        assertThat(ImsxStatusInfo.notFound("Gone.").severity()).isEqualTo("status");
        assertThat(ImsxStatusInfo.invalidData("Bad.").status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(ImsxStatusInfo.unauthorized("Who?").response().getHeaders().getFirst("WWW-Authenticate"))
                .isEqualTo("Bearer");
    }

    @Test
    void aCredentialBelongsToTheApiItsTypeNames() {
        var badge = Json.createObjectBuilder()
                .add(
                        "type",
                        Json.createArrayBuilder().add("VerifiableCredential").add("OpenBadgeCredential"))
                .build();
        var clr = Json.createObjectBuilder()
                .add(
                        "type",
                        Json.createArrayBuilder().add("VerifiableCredential").add("ClrCredential"))
                .build();
        var achievement =
                Json.createObjectBuilder().add("type", "AchievementCredential").build();
        assertThat(ObCredentials.isOfKind(badge, ObStandard.OPEN_BADGES)).isTrue();
        assertThat(ObCredentials.isOfKind(achievement, ObStandard.OPEN_BADGES)).isTrue();
        assertThat(ObCredentials.isOfKind(badge, ObStandard.CLR)).isFalse();
        assertThat(ObCredentials.isOfKind(clr, ObStandard.CLR)).isTrue();
        assertThat(ObCredentials.isOfKind(clr, ObStandard.OPEN_BADGES)).isFalse();
    }

    @Test
    void aVcJwtCarriesItsCredentialInTheVcClaimOrAsItsPayload() {
        String withVc = jws("{\"iss\":\"did:example:1\",\"vc\":{\"id\":\"urn:x\",\"type\":[\"OpenBadgeCredential\"]}}");
        String plain = jws("{\"id\":\"urn:y\",\"type\":[\"OpenBadgeCredential\"]}");
        assertThat(ObCredentials.credentialOfJwt(withVc).orElseThrow().getString("id"))
                .isEqualTo("urn:x");
        assertThat(ObCredentials.credentialOfJwt(plain).orElseThrow().getString("id"))
                .isEqualTo("urn:y");
        assertThat(ObCredentials.credentialOfJwt("not.a")).isEmpty();
    }

    private static String jws(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }
}
