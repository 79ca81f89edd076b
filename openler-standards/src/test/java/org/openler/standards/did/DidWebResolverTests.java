package org.openler.standards.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.standards.Fixtures;
import org.openler.standards.StandardsException;
import org.openler.standards.json.StrictJson;

class DidWebResolverTests {

    private static final Did ORG = DidWeb.forOrganization("demo.example", "demo-university");
    private HttpServer server;
    private DidWebResolver resolver;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        respond(
                "/orgs/demo-university/did.json",
                200,
                StrictJson.write(DidWeb.document(ORG, List.of(Fixtures.ISSUER_KEY.publicKey()))
                        .toJson()));
        respond(
                "/orgs/other/did.json",
                200,
                StrictJson.write(DidWeb.document(
                                DidWeb.forOrganization("demo.example", "someone-else"),
                                List.of(Fixtures.ISSUER_KEY.publicKey()))
                        .toJson()));
        respond("/orgs/big/did.json", 200, "{\"id\":\"" + "x".repeat(70_000) + "\"}");
        respond("/orgs/moved/did.json", 302, "");
        server.start();
        int port = server.getAddress().getPort();
        resolver = DidWebResolver.builder()
                .allowedHosts(Set.of("demo.example"))
                .locator(did -> URI.create(
                        "http://127.0.0.1:" + port + DidWeb.documentUrl(did).getPath()))
                .build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void organizationDidsMapToTheirDocumentUrl() {
        assertThat(ORG.value()).isEqualTo("did:web:demo.example:orgs:demo-university");
        assertThat(DidWeb.documentUrl(ORG)).hasToString("https://demo.example/orgs/demo-university/did.json");
        assertThat(DidWeb.documentUrl(Did.of("did:web:issuer.example")))
                .hasToString("https://issuer.example/.well-known/did.json");
        Did withPort = DidWeb.forOrganization("localhost:8443", "demo");
        assertThat(withPort.value()).isEqualTo("did:web:localhost%3A8443:orgs:demo");
        assertThat(DidWeb.host(withPort)).isEqualTo("localhost:8443");
    }

    @Test
    void resolvesAnAllowListedDocument() {
        DidDocument document = resolver.resolve(ORG);
        assertThat(document.method(ORG + "#key-1").orElseThrow().publicKey())
                .isEqualTo(Fixtures.ISSUER_KEY.publicKey());
        assertThat(document.authorises(ORG + "#key-1", "assertionMethod")).isTrue();
    }

    @Test
    void refusesADocumentAboutAnotherDid() {
        assertThatThrownBy(() -> resolver.resolve(DidWeb.forOrganization("demo.example", "other")))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("id is not");
    }

    @Test
    void refusesOversizedDocumentsRedirectsAndMissingOnes() {
        assertThatThrownBy(() -> resolver.resolve(DidWeb.forOrganization("demo.example", "big")))
                .hasMessageContaining("at most 65536");
        assertThatThrownBy(() -> resolver.resolve(DidWeb.forOrganization("demo.example", "moved")))
                .hasMessageContaining("HTTP 302");
        assertThatThrownBy(() -> resolver.resolve(DidWeb.forOrganization("demo.example", "missing")))
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void refusesHostsOffTheAllowList() {
        assertThatThrownBy(() -> resolver.resolve(DidWeb.forOrganization("attacker.example", "someone")))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("not on the resolver's allow-list");
    }

    @Test
    void rejectsPathTraversalInDidWeb() {
        assertThatThrownBy(() -> DidWeb.documentUrl(Did.of("did:web:demo.example:..:admin")))
                .isInstanceOf(StandardsException.class);
    }

    private void respond(String path, int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            if (status == 302) {
                exchange.getResponseHeaders().add("Location", "http://attacker.example/did.json");
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
    }
}
