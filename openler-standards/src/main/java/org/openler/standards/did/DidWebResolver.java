package org.openler.standards.did;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.json.FetchCache;
import org.openler.standards.json.HttpJson;
import org.openler.standards.json.JsonLimits;

/**
 * Resolves did:web over HTTPS, only for allow-listed hosts, with a small time-bounded cache. Redirects are not
 * followed (a redirect could leave the allow-list), bodies over 64 KB are refused, and each request has a timeout.
 */
public final class DidWebResolver implements DidResolver {

    private static final JsonLimits LIMITS = new JsonLimits(64 * 1024, 16);

    private final Set<String> allowedHosts;
    private final HttpClient client;
    private final Duration timeout;
    private final Function<Did, URI> locator;
    private final FetchCache<Did, DidDocument> cache;

    private DidWebResolver(Builder b) {
        this.allowedHosts = Set.copyOf(b.allowedHosts);
        this.client = b.client != null ? b.client : HttpJson.client(b.timeout);
        this.timeout = b.timeout;
        this.locator = b.locator;
        this.cache = new FetchCache<>(b.cacheFor, b.clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public DidDocument resolve(Did did) {
        String host = DidWeb.host(did);
        if (!allowedHosts.contains(host)) {
            throw new StandardsException(
                    Code.DID_NOT_RESOLVED, "did:web host " + host + " is not on the resolver's allow-list");
        }
        return cache.get(did, this::fetch);
    }

    private DidDocument fetch(Did did) {
        URI url = locator.apply(did);
        try {
            JsonObject json = HttpJson.get(
                    client,
                    url,
                    timeout,
                    "application/did+json, application/json",
                    LIMITS,
                    Code.DID_NOT_RESOLVED,
                    "did:web document");
            return DidDocument.parse(json, did);
        } catch (StandardsException e) {
            if (e.code() == Code.DID_NOT_RESOLVED) {
                throw e;
            }
            throw new StandardsException(
                    Code.DID_NOT_RESOLVED, "did:web document " + url + " is invalid: " + e.getMessage(), e);
        }
    }

    /** Configuration with safe defaults: no hosts, 5 s timeout, 5 min cache, HTTPS per the did:web spec. */
    public static final class Builder {
        private Set<String> allowedHosts = Set.of();
        private HttpClient client;
        private Duration timeout = Duration.ofSeconds(5);
        private Duration cacheFor = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private Function<Did, URI> locator = DidWeb::documentUrl;

        /** Hosts (with port, if any) whose did:web documents may be fetched. */
        public Builder allowedHosts(Set<String> hosts) {
            this.allowedHosts = Set.copyOf(hosts);
            return this;
        }

        public Builder httpClient(HttpClient client) {
            this.client = client;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder cacheFor(Duration cacheFor) {
            this.cacheFor = cacheFor;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Where a DID's document is fetched from. The default is the did:web rule over HTTPS; tests point it at a local
         * server. The host allow-list is still checked against the DID itself.
         */
        public Builder locator(Function<Did, URI> locator) {
            this.locator = locator;
            return this;
        }

        public DidWebResolver build() {
            return new DidWebResolver(this);
        }
    }
}
