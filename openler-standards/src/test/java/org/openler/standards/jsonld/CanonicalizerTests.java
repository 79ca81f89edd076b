package org.openler.standards.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openler.standards.Fixtures;
import org.openler.standards.StandardsException;

class CanonicalizerTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "interop/ob3-didkey.json",
                "interop/vp-didkey.json",
                "1edtech/ob30/simple.json",
                "1edtech/clr20/simple.json",
                "1edtech/ob30/endorsement-valid.json"
            })
    void cachedActiveContextGivesTheSameCanonicalFormAsPlainTitanium(String file) throws Exception {
        JsonObject document = Fixtures.json("/org/openler/standards/conformance/" + file);
        RdfCanon canon = RdfCanon.create("SHA-256");
        JsonLd.toRdf(JsonDocument.of(document))
                .loader(PinnedDocumentLoader.INSTANCE)
                .provide(canon);
        StringWriter plain = new StringWriter();
        canon.provide(new NQuadsWriter(plain));
        assertThat(Canonicalizer.canonicalize(document)).isEqualTo(plain.toString());
    }

    @Test
    void everyPinnedContextLoadsAndMatchesItsDigest() {
        for (BundledContexts.Entry entry : BundledContexts.ALLOW_LIST) {
            assertThat(BundledContexts.isAllowed(entry.url())).as(entry.url()).isTrue();
        }
    }

    @Test
    void refusesContextsThatAreNotBundled() {
        JsonObject document = Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder()
                                .add("https://www.w3.org/ns/credentials/v2")
                                .add("https://evil.example/ctx"))
                .add("name", "x")
                .build();
        assertThatThrownBy(() -> Canonicalizer.canonicalize(document))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("https://evil.example/ctx")
                .hasMessageContaining("not one of the bundled, pinned contexts");
    }

    @Test
    void refusesRemoteContextsReachedFromInsideTheDocument() {
        JsonObject document = Json.createObjectBuilder()
                .add("@context", "https://www.w3.org/ns/credentials/v2")
                .add("type", "VerifiableCredential")
                .add("credentialSubject", Json.createObjectBuilder().add("@context", "https://evil.example/nested"))
                .build();
        assertThatThrownBy(() -> Canonicalizer.canonicalize(document))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("https://evil.example/nested");
    }

    @Test
    void poisonedBlankNodeGraphIsStoppedByTheWorkLimit() {
        // A clique of blank nodes that all look alike: RDFC-1.0's N-degree hashing grows factorially on it.
        int n = 12;
        var graph = Json.createArrayBuilder();
        for (int i = 0; i < n; i++) {
            var links = Json.createArrayBuilder();
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    links.add(Json.createObjectBuilder().add("id", "_:b" + j));
                }
            }
            graph.add(Json.createObjectBuilder().add("id", "_:b" + i).add("https://example.org/relatedTo", links));
        }
        JsonObject document = Json.createObjectBuilder()
                .add("@context", "https://www.w3.org/ns/credentials/v2")
                .add("@graph", graph)
                .build();
        long start = System.nanoTime();
        assertThatThrownBy(() -> Canonicalizer.canonicalize(document))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("too much work");
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
    }
}
