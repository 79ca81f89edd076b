package org.openler.standards.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openler.standards.Fixtures.ISSUER_DID;
import static org.openler.standards.Fixtures.ISSUER_KEY;
import static org.openler.standards.Fixtures.NOW;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openler.standards.Fixtures;
import org.openler.standards.StandardsException;
import org.openler.standards.credentials.CredentialRules;
import org.openler.standards.credentials.Violation;
import org.openler.standards.did.DidKey;
import org.openler.standards.jsonld.BundledContexts;
import org.openler.standards.verify.Check;
import org.openler.standards.verify.PresentationExpectations;
import org.openler.standards.verify.Verifier;

/**
 * The normative statements (MUST) of W3C Verifiable Credentials Data Model v2.0 §4 and §5, one test each, named after
 * the statement (its words in {@code @DisplayName}, section in the class name). Each breaks one rule of an otherwise
 * valid credential and checks both halves of the platform: the issuer's rules ({@link CredentialRules#dataModel},
 * which the VC-API issuer runs before signing) refuse it, naming where, and the verifier refuses it (signed as it
 * is when it can be signed at all). The statements that allow something are checked the other way: accepted by both.
 * The W3C suite (vc-data-model-2.0-test-suite) tests the same statements over HTTP; these hold them in every build.
 */
class VcDataModel20MustTests {

    private static final Verifier VERIFIER =
            Verifier.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    /** A valid credential as the W3C examples write one; each test changes one property. */
    static JsonObjectBuilder credential() {
        return Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder().add(BundledContexts.VC_V2).add(BundledContexts.EXAMPLES_V2))
                .add("id", "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33")
                .add(
                        "type",
                        Json.createArrayBuilder().add("VerifiableCredential").add("ExampleAlumniCredential"))
                .add("issuer", ISSUER_DID.value())
                .add("validFrom", "2023-01-01T00:00:00Z")
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("id", "did:example:ebfeb1f712ebc6f1c276e12ec21")
                                .add("alumniOf", "The School of Examples"));
    }

    static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    static JsonObject with(String property, String value) {
        return credential().add(property, json(value)).build();
    }

    static JsonObject without(String property) {
        return credential().remove(property).build();
    }

    /** Refused by the issuer's rules (an error at {@code path}) and by the verifier (a structure or context failure). */
    static void refused(JsonObject credential, String path) {
        List<Violation> errors = errors(credential);
        assertThat(errors)
                .as("the issuer refuses it, naming %s", path)
                .anyMatch(v -> v.path().startsWith(path));
        assertThat(VERIFIER.verifyCredential(signedIfPossible(credential)).failures())
                .as("the verifier refuses it")
                .anyMatch(f -> f.check() == Check.STRUCTURE || f.check() == Check.CONTEXTS);
    }

    /** Accepted by the issuer's rules and verified once signed. */
    static void accepted(JsonObject credential) {
        assertThat(errors(credential)).as("the issuer accepts it").isEmpty();
        assertThat(VERIFIER.verifyCredential(Fixtures.sign(
                                credential, ISSUER_KEY, DidKey.verificationMethodId(ISSUER_KEY.publicKey())))
                        .failures())
                .as("the verifier accepts it")
                .isEmpty();
    }

    static List<Violation> errors(JsonObject credential) {
        return CredentialRules.dataModel(credential).stream()
                .filter(Violation::error)
                .toList();
    }

    /** Signed when its JSON-LD canonicalizes; as it is otherwise (the verifier must refuse it either way). */
    static JsonObject signedIfPossible(JsonObject credential) {
        try {
            return Fixtures.sign(credential, ISSUER_KEY, DidKey.verificationMethodId(ISSUER_KEY.publicKey()));
        } catch (StandardsException e) {
            return credential;
        }
    }

    @Test
    @DisplayName("The unchanged credential is valid (the baseline every other test breaks)")
    void theBaselineCredentialIsAcceptedByTheIssuerAndTheVerifier() {
        accepted(credential().build());
    }

    @Nested
    class Section4_3Contexts {

        @Test
        @DisplayName("Verifiable credentials MUST include a @context property.")
        void verifiableCredentialsMustIncludeAContextProperty() {
            refused(without("@context"), "/@context");
        }

        @Test
        @DisplayName("The value of the @context property MUST be an ordered set where the first item is a URL with the"
                + " value https://www.w3.org/ns/credentials/v2.")
        void theFirstContextMustBeTheVc2ContextUrl() {
            refused(
                    with("@context", "[\"" + BundledContexts.EXAMPLES_V2 + "\", \"" + BundledContexts.VC_V2 + "\"]"),
                    "/@context");
        }

        @Test
        @DisplayName("Subsequent items in the array MUST be composed of any combination of URLs and/or objects.")
        void subsequentContextItemsMustBeUrlsOrObjects() {
            refused(with("@context", "[\"" + BundledContexts.VC_V2 + "\", 42]"), "/@context");
        }
    }

    @Nested
    class Section4_4Identifiers {

        @Test
        @DisplayName("If present, the value of the id property MUST be a single URL.")
        void theIdMustBeASingleUrl() {
            refused(with("id", "[\"urn:uuid:1\", \"urn:uuid:2\"]"), "/id");
            refused(with("id", "\"not a url\""), "/id");
            accepted(with("id", "\"https://university.example/credentials/3732\""));
        }

        @Test
        @DisplayName("The id property is optional: a credential without one is valid.")
        void aCredentialWithoutAnIdIsValid() {
            accepted(without("id"));
        }
    }

    @Nested
    class Section4_5Types {

        @Test
        @DisplayName("Verifiable credentials MUST contain a type property.")
        void verifiableCredentialsMustContainAType() {
            refused(without("type"), "/type");
        }

        @Test
        @DisplayName("One value of the type property MUST be VerifiableCredential.")
        void oneTypeMustBeVerifiableCredential() {
            refused(with("type", "[\"ExampleAlumniCredential\"]"), "/type");
        }

        @Test
        @DisplayName("The value of the type property MUST be one or more terms and/or absolute URL strings.")
        void typeValuesMustBeTermsOrUrls() {
            refused(with("type", "[\"VerifiableCredential\", 7]"), "/type");
            accepted(with("type", "[\"VerifiableCredential\", \"https://example.org/vocab#AlumniCredential\"]"));
        }

        @Test
        @DisplayName("If more than one (type) value is provided, the order does not matter.")
        void theOrderOfTypesDoesNotMatter() {
            accepted(with("type", "[\"ExampleAlumniCredential\", \"VerifiableCredential\"]"));
        }

        @Test
        @DisplayName("credentialStatus objects MUST have a type specified.")
        void credentialStatusObjectsMustHaveAType() {
            refused(
                    with("credentialStatus", "{\"id\": \"https://university.example/status/1#3\"}"),
                    "/credentialStatus");
        }

        @Test
        @DisplayName("termsOfUse objects MUST have a type specified.")
        void termsOfUseObjectsMustHaveAType() {
            refused(with("termsOfUse", "{\"id\": \"https://university.example/terms/1\"}"), "/termsOfUse");
        }

        @Test
        @DisplayName("evidence objects MUST have a type specified.")
        void evidenceObjectsMustHaveAType() {
            refused(with("evidence", "{\"id\": \"https://university.example/evidence/1\"}"), "/evidence");
        }

        @Test
        @DisplayName("refreshService objects MUST have a type specified.")
        void refreshServiceObjectsMustHaveAType() {
            refused(with("refreshService", "{\"id\": \"https://university.example/refresh/1\"}"), "/refreshService");
        }

        @Test
        @DisplayName("credentialSchema objects MUST have a type specified.")
        void credentialSchemaObjectsMustHaveAType() {
            refused(with("credentialSchema", "{\"id\": \"https://university.example/schema/1\"}"), "/credentialSchema");
        }
    }

    @Nested
    class Section4_6NamesAndDescriptions {

        @Test
        @DisplayName("If present, the value of the name property MUST be a string or a language value object.")
        void theNameMustBeAStringOrALanguageValueObject() {
            refused(with("name", "42"), "/name");
            accepted(with("name", "\"Example Alumni Credential\""));
            accepted(with("name", "{\"@value\": \"Credencial de exalumno\", \"@language\": \"es\"}"));
        }

        @Test
        @DisplayName("If present, the value of the description property MUST be a string or a language value object.")
        void theDescriptionMustBeAStringOrALanguageValueObject() {
            refused(with("description", "[1, 2]"), "/description");
            accepted(with("description", "\"A credential for alumni.\""));
        }

        @Test
        @DisplayName("If present (on issuer), the value of the name property MUST be a string or a language value"
                + " object.")
        void theIssuersNameMustBeAStringOrALanguageValueObject() {
            refused(with("issuer", "{\"id\": \"" + ISSUER_DID.value() + "\", \"name\": 42}"), "/issuer/name");
            accepted(with("issuer", "{\"id\": \"" + ISSUER_DID.value() + "\", \"name\": \"Example University\"}"));
        }

        @Test
        @DisplayName("If present (on issuer), the value of the description property MUST be a string or a language"
                + " value object.")
        void theIssuersDescriptionMustBeAStringOrALanguageValueObject() {
            refused(
                    with("issuer", "{\"id\": \"" + ISSUER_DID.value() + "\", \"description\": {\"a\": 1}}"),
                    "/issuer/description");
        }
    }

    @Nested
    class Section4_7Issuer {

        @Test
        @DisplayName("A verifiable credential MUST have an issuer property.")
        void aCredentialMustHaveAnIssuer() {
            refused(without("issuer"), "/issuer");
        }

        @Test
        @DisplayName("The value of the issuer property MUST be either a URL or an object containing an id property"
                + " whose value is a URL.")
        void theIssuerMustBeAUrlOrAnObjectWithAUrlId() {
            refused(with("issuer", "\"not a url\""), "/issuer");
            refused(with("issuer", "{\"name\": \"Example University\"}"), "/issuer/id");
            refused(with("issuer", "42"), "/issuer");
            accepted(with("issuer", "{\"id\": \"" + ISSUER_DID.value() + "\"}"));
        }
    }

    @Nested
    class Section4_8CredentialSubject {

        @Test
        @DisplayName("A verifiable credential MUST contain a credentialSubject property.")
        void aCredentialMustContainACredentialSubject() {
            refused(without("credentialSubject"), "/credentialSubject");
        }

        @Test
        @DisplayName("The value of the credentialSubject property is a set of objects where each object MUST be the"
                + " subject of one or more claims.")
        void eachCredentialSubjectMustBeTheSubjectOfClaims() {
            refused(with("credentialSubject", "{}"), "/credentialSubject");
            refused(
                    with("credentialSubject", "[{\"alumniOf\": \"The School of Examples\"}, {}]"),
                    "/credentialSubject");
            accepted(with(
                    "credentialSubject",
                    "[{\"id\": \"did:example:a\", \"alumniOf\": \"The School of Examples\"},"
                            + " {\"id\": \"did:example:b\", \"alumniOf\": \"The School of Examples\"}]"));
        }
    }

    @Nested
    class Section4_9ValidityPeriod {

        @Test
        @DisplayName("If present, the value of the validFrom property MUST be an XML Schema dateTimeStamp string.")
        void validFromMustBeADateTimeStamp() {
            refused(with("validFrom", "\"2024-01-01\""), "/validFrom");
            refused(with("validFrom", "\"2024-01-01T00:00:00\""), "/validFrom");
            accepted(with("validFrom", "\"2024-01-01T00:00:00+02:00\""));
        }

        @Test
        @DisplayName("If present, the value of the validUntil property MUST be an XML Schema dateTimeStamp string.")
        void validUntilMustBeADateTimeStamp() {
            refused(with("validUntil", "\"tomorrow\""), "/validUntil");
            accepted(with("validUntil", "\"2099-01-01T00:00:00Z\""));
        }

        @Test
        @DisplayName("If a validUntil value also exists, the validFrom value MUST express a datetime that is"
                + " temporally the same or earlier than the datetime expressed by the validUntil value.")
        void validFromMustNotBeAfterValidUntil() {
            refused(
                    credential()
                            .add("validFrom", "2030-01-01T00:00:00Z")
                            .add("validUntil", "2029-01-01T00:00:00Z")
                            .build(),
                    "/valid");
        }
    }

    @Nested
    class Section4_10Status {

        @Test
        @DisplayName("If present (credentialStatus.id), the value MUST be a URL.")
        void aStatusIdMustBeAUrl() {
            refused(
                    with("credentialStatus", "{\"id\": \"not a url\", \"type\": \"ExampleStatusEntry\"}"),
                    "/credentialStatus");
        }
    }

    @Nested
    class Section4_11DataSchemas {

        @Test
        @DisplayName("The value of the credentialSchema property MUST be one or more data schemas that provide"
                + " verifiers with enough information to determine whether the provided data conforms to the"
                + " provided schema(s): each has an id.")
        void eachCredentialSchemaMustHaveAnId() {
            refused(with("credentialSchema", "{\"type\": \"JsonSchema\"}"), "/credentialSchema");
        }
    }

    @Nested
    class Section5AdvancedConcepts {

        @Test
        @DisplayName("Each object associated with relatedResource MUST contain at least an id and a digestSRI or"
                + " digestMultibase value.")
        void eachRelatedResourceMustHaveAnIdAndADigest() {
            refused(with("relatedResource", "[{\"id\": \"https://university.example/logo.png\"}]"), "/relatedResource");
            refused(with("relatedResource", "[{\"digestSRI\": \"sha384-abc\"}]"), "/relatedResource");
        }

        @Test
        @DisplayName("The value of the relatedResource id MUST be unique.")
        void relatedResourceIdsMustBeUnique() {
            refused(
                    with(
                            "relatedResource",
                            "[{\"id\": \"https://university.example/a\", \"digestSRI\": \"sha384-abc\"},"
                                    + " {\"id\": \"https://university.example/a\", \"digestSRI\": \"sha384-def\"}]"),
                    "/relatedResource");
        }
    }

    @Nested
    class Section4_13Presentations {

        private JsonObjectBuilder presentation() {
            return Json.createObjectBuilder()
                    .add("@context", Json.createArrayBuilder().add(BundledContexts.VC_V2))
                    .add("type", Json.createArrayBuilder().add("VerifiablePresentation"));
        }

        private void presentationRefused(JsonObject presentation) {
            assertThat(VERIFIER.verifyPresentation(presentation, PresentationExpectations.NONE)
                            .failures())
                    .anyMatch(f -> f.check() == Check.STRUCTURE
                            || f.check() == Check.CONTEXTS
                            || f.check() == Check.EMBEDDED_CREDENTIAL);
        }

        @Test
        @DisplayName("If present, the value of the id property MUST be a single URL (on a presentation).")
        void aPresentationsIdMustBeASingleUrl() {
            presentationRefused(presentation()
                    .add("id", json("[\"urn:uuid:1\", \"urn:uuid:2\"]"))
                    .build());
        }

        @Test
        @DisplayName("Verifiable presentations MUST include a @context property.")
        void presentationsMustIncludeAContext() {
            presentationRefused(presentation().remove("@context").build());
        }

        @Test
        @DisplayName("Verifiable presentations MUST contain a type property, one value of which MUST be"
                + " VerifiablePresentation.")
        void presentationsMustBeOfTypeVerifiablePresentation() {
            presentationRefused(presentation().remove("type").build());
            presentationRefused(presentation()
                    .add("type", json("[\"ExamplePresentation\"]"))
                    .build());
        }

        @Test
        @DisplayName("If present (holder), the value MUST be either a URL or an object containing an id property.")
        void theHolderMustBeAUrlOrAnObjectWithAnId() {
            presentationRefused(presentation().add("holder", "not a url").build());
            presentationRefused(
                    presentation().add("holder", json("{\"name\": \"Pat\"}")).build());
        }

        @Test
        @DisplayName("The verifiableCredential property MAY be present. The value MUST be one or more verifiable"
                + " credential objects.")
        void verifiableCredentialValuesMustBeCredentialObjects() {
            presentationRefused(
                    presentation().add("verifiableCredential", json("[42]")).build());
        }
    }
}
