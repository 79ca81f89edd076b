package org.openler.standards.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.openler.standards.StandardsException;

/**
 * An inline {@code @context} item may wrap its definition in {@code @context}, as the W3C vc-di-eddsa suite's VC 1.1
 * credentials do; jsonld.js dereferences it (context.js: "dereference @context key if present"), so OpenLER must too,
 * or a proof that digitalbazaar's stack made is falsely rejected.
 */
class InlineContextWrapperTests {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static String credential(String inlineContext) {
        return """
                {"@context": ["https://www.w3.org/2018/credentials/v1", %s],
                 "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
                 "type": ["VerifiableCredential", "AlumniCredential"],
                 "issuer": "did:example:issuer", "issuanceDate": "2023-01-01T00:00:00Z",
                 "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": "The School of Examples"}}""".formatted(inlineContext);
    }

    private static final String DEFINITION = "{\"AlumniCredential\": \"https://www.example.org/AlumniCredential\","
            + " \"alumniOf\": \"https://www.example.org/alumniOf\"}";

    @Test
    void anInlineContextWrappedInAtContextCanonicalizesAsItsDefinitionDoes() {
        String wrapped = Canonicalizer.canonicalize(json(credential("{\"@context\": " + DEFINITION + "}")));
        String plain = Canonicalizer.canonicalize(json(credential(DEFINITION)));
        assertThat(wrapped).isEqualTo(plain).contains("<https://www.example.org/alumniOf>");
    }

    @Test
    void aWrappedInlineContextThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> Canonicalizer.canonicalize(json(credential("{\"@context\": [" + DEFINITION + "]}"))))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("needs an object");
    }

    @Test
    void aWrappedInlineContextThatNamesAUrlIsStillRefused() {
        assertThatThrownBy(() -> Canonicalizer.canonicalize(
                        json(credential("{\"@context\": \"https://www.w3.org/ns/credentials/examples/v2\"}"))))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("names a context by URL");
    }
}
