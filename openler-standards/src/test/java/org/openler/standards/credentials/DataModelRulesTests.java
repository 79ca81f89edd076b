package org.openler.standards.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openler.standards.jsonld.BundledContexts;

/**
 * VC Data Model 2.0 rules that the W3C vc-data-model-2.0-test-suite found missing, each test named after the MUST it
 * holds (the issuer and the verifier both apply {@link CredentialRules#dataModel}).
 */
class DataModelRulesTests {

    private static final String SRI = "sha384-NSOcNpmdIVUxIJGvGUoe22FjTWrXiaXlsZ8q6912LdnR3KraQO2n75Ica4wK4Qeg";
    private static final String MULTIBASE = "uJKGMkOmFbVJhEfKTduMC2XCyvRAYLjOVmZWwIH1wQ7k";

    private static JsonObjectBuilder credential() {
        return Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(BundledContexts.VC_V2))
                .add("type", Json.createArrayBuilder().add("VerifiableCredential"))
                .add("issuer", "did:example:issuer")
                .add("credentialSubject", Json.createObjectBuilder().add("id", "did:example:subject"));
    }

    private static List<String> errorPaths(JsonObject credential) {
        return CredentialRules.dataModel(credential).stream()
                .filter(Violation::error)
                .map(Violation::path)
                .toList();
    }

    private static JsonObject with(String property, JsonValue value) {
        return credential().add(property, value).build();
    }

    private static JsonValue object(String json) {
        return Json.createReader(new java.io.StringReader(json)).readValue();
    }

    @Test
    void termsOfUseObjectsMustHaveATypeSpecified() {
        assertThat(errorPaths(with("termsOfUse", object("{\"type\": \"IssuerPolicy\", \"id\": \"urn:x:1\"}"))))
                .isEmpty();
        assertThat(errorPaths(with("termsOfUse", object("{\"id\": \"urn:x:1\"}"))))
                .containsExactly("/termsOfUse/0/type");
    }

    @Test
    void evidenceObjectsMustHaveATypeSpecified() {
        assertThat(errorPaths(with("evidence", object("[{\"type\": [\"Evidence\"]}]"))))
                .isEmpty();
        assertThat(errorPaths(with("evidence", object("{}")))).containsExactly("/evidence/0/type");
        assertThat(errorPaths(with("evidence", object("[{\"type\": []}]")))).containsExactly("/evidence/0/type");
    }

    @Test
    void eachRefreshServiceValueMustSpecifyItsType() {
        assertThat(errorPaths(with(
                        "refreshService",
                        object("{\"type\": \"VerifiableCredentialRefreshService2021\","
                                + " \"url\": \"https://example.edu/refresh\"}"))))
                .isEmpty();
        assertThat(errorPaths(with("refreshService", object("{\"url\": \"https://example.edu/refresh\"}"))))
                .containsExactly("/refreshService/0/type");
    }

    @Test
    void credentialStatusObjectsMustHaveATypeAndAnIdThatIsAUrlWhenPresent() {
        assertThat(errorPaths(with("credentialStatus", object("{\"type\": \"CredentialStatusList2017\"}"))))
                .isEmpty();
        assertThat(errorPaths(with("credentialStatus", object("{\"id\": \"did:example:status\"}"))))
                .containsExactly("/credentialStatus");
        assertThat(errorPaths(with("credentialStatus", object("{\"id\": \"not a url\", \"type\": \"X\"}"))))
                .containsExactly("/credentialStatus/id");
    }

    @Test
    void theValueOfRelatedResourceMustBeOneOrMoreObjects() {
        assertThat(errorPaths(with(
                        "relatedResource",
                        object("{\"id\": \"" + BundledContexts.VC_V2 + "\", \"digestSRI\": \"" + SRI + "\"}"))))
                .isEmpty();
        assertThat(errorPaths(with("relatedResource", object("[\"" + BundledContexts.VC_V2 + "\"]"))))
                .containsExactly("/relatedResource/0");
    }

    @Test
    void theIdentifierOfARelatedResourceIsRequiredAndMustBeUniqueAmongThem() {
        assertThat(errorPaths(with("relatedResource", object("[{\"digestMultibase\": \"" + MULTIBASE + "\"}]"))))
                .containsExactly("/relatedResource/0/id");
        assertThat(errorPaths(with(
                        "relatedResource",
                        object("[{\"id\": \"" + BundledContexts.VC_V2
                                + "\", \"digestSRI\": \"" + SRI + "\"}, {\"id\": \"" + BundledContexts.VC_V2
                                + "\", \"digestMultibase\": \"" + MULTIBASE + "\"}]"))))
                .containsExactly("/relatedResource/1/id");
    }

    @Test
    void eachRelatedResourceMustContainAtLeastADigestSriOrADigestMultibase() {
        assertThat(errorPaths(with("relatedResource", object("[{\"id\": \"" + BundledContexts.VC_V2 + "\"}]"))))
                .containsExactly("/relatedResource/0");
        assertThat(errorPaths(with(
                        "relatedResource",
                        object("[{\"id\": \"" + BundledContexts.VC_V2
                                + "\", \"mediaType\": \"application/ld+json\", \"digestMultibase\": \""
                                + MULTIBASE + "\"}]"))))
                .isEmpty();
    }

    @Test
    void aRelatedResourceDigestThatWasNotRetrievedIsReportedAsNotCheckedNeverAsVerified() {
        List<Violation> violations = CredentialRules.dataModel(with(
                "relatedResource",
                object("{\"id\": \"" + BundledContexts.VC_V2 + "\", \"digestSRI\": \"" + SRI + "\"}")));
        assertThat(violations)
                .singleElement()
                .satisfies(v -> assertThat(v.error()).isFalse())
                .satisfies(v -> assertThat(v.message()).contains("digest was not checked"));
    }
}
