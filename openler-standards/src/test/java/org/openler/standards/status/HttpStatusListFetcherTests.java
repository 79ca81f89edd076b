package org.openler.standards.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openler.standards.Fixtures;
import org.openler.standards.StandardsException;
import org.openler.standards.json.StrictJson;

class HttpStatusListFetcherTests {

    @Test
    void fetchesAllowListedListsOnceWithinTheCacheTimeAndRefusesOthers() throws Exception {
        URI url = URI.create("https://demo.example/orgs/demo/status/1");
        byte[] body = StrictJson.write(StatusListCredentials.unsigned(
                        url,
                        Fixtures.ISSUER_DID.value(),
                        StatusPurpose.REVOCATION,
                        BitstringStatusList.create(),
                        Fixtures.NOW,
                        Optional.empty()))
                .getBytes(StandardCharsets.UTF_8);
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/orgs/demo/status/1", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            HttpStatusListFetcher fetcher = HttpStatusListFetcher.builder()
                    .allowedHosts(Set.of("demo.example"))
                    .locator(u -> URI.create("http://127.0.0.1:" + port + u.getPath()))
                    .build();
            assertThat(StatusListCredentials.decode(fetcher.fetch(url)).purpose())
                    .isEqualTo(StatusPurpose.REVOCATION);
            fetcher.fetch(url);
            assertThat(hits).hasValue(1);
            assertThatThrownBy(() -> fetcher.fetch(URI.create("https://attacker.example/status/1")))
                    .isInstanceOf(StandardsException.class)
                    .hasMessageContaining("not on the allow-list");
            assertThatThrownBy(() -> fetcher.fetch(URI.create("http://demo.example/orgs/demo/status/1")))
                    .hasMessageContaining("HTTPS only");
            assertThatThrownBy(() -> fetcher.fetch(URI.create("https://demo.example/orgs/demo/status/2")))
                    .hasMessageContaining("HTTP 404");
        } finally {
            server.stop(0);
        }
    }
}
