package org.openler.platform.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.standards.json.StrictJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12's repro: a credential issued here, with "UndefinedType" appended to one of its types, was answered
 * {@code verified: true} — JSON-LD drops an undefined type, so the signature never covered it. Now the verifier names
 * the loss with the Data Integrity problem type DATA_LOSS_DETECTION_ERROR.
 */
@PlatformTest
class DataLossIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    IssuerClient issuer;

    @BeforeEach
    void aProviderWithAnAchievement() {
        issuer = IssuerClient.aProvider(fixtures, port);
    }

    @ParameterizedTest(name = "UndefinedType appended to {0}")
    @ValueSource(strings = {"type", "credentialSubject.type", "credentialSubject.achievement.type", "issuer.type"})
    void anUndefinedTypeAppendedToAnIssuedCredentialDoesNotVerify(String path) {
        HttpResponse<String> issued = issuer.post(
                "/orgs/" + issuer.provider.slug() + "/credentials/issue",
                """
                {"achievementId": "%s", "recipient": {"email": "lossless@example.org"}}""".formatted(issuer.achievementId),
                issuer.token);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonObject credential = StrictJson.parseObject(issued.body()).getJsonObject("verifiableCredential");

        JsonObject tampered = appendUndefinedType(credential, List.of(path.split("\\.")));
        HttpResponse<String> answer = issuer.post(
                "/credentials/verify",
                Json.createObjectBuilder()
                        .add("verifiableCredential", tampered)
                        .build()
                        .toString(),
                null);

        JsonObject body = StrictJson.parseObject(answer.body());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        assertThat(body.getBoolean("verified")).isFalse();
        assertThat(body.getString("type")).isEqualTo("https://w3id.org/security#DATA_LOSS_DETECTION_ERROR");
        assertThat(body.getJsonArray("checks").getValuesAs(JsonObject.class)).anySatisfy(check -> {
            assertThat(check.getString("check")).isEqualTo("proof");
            assertThat(check.getString("result")).isEqualTo("failed");
            assertThat(check.getString("message"))
                    .contains("DATA_LOSS_DETECTION_ERROR at $." + path)
                    .contains("UndefinedType");
        });
    }

    private static JsonObject appendUndefinedType(JsonObject object, List<String> path) {
        String key = path.get(0);
        if (path.size() == 1) {
            JsonValue type = object.get(key);
            JsonArray types = type instanceof JsonArray array
                    ? Json.createArrayBuilder(array).add("UndefinedType").build()
                    : Json.createArrayBuilder().add(type).add("UndefinedType").build();
            return Json.createObjectBuilder(object).add(key, types).build();
        }
        return Json.createObjectBuilder(object)
                .add(key, appendUndefinedType(object.getJsonObject(key), path.subList(1, path.size())))
                .build();
    }
}
