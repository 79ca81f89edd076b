package org.openler.standards.status;

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
 * Fetches status list credentials over HTTPS from allow-listed hosts, with a short cache (a revocation should be seen
 * within minutes, and one list serves many credentials). No redirects, bounded size, a timeout. The verifier checks
 * the list's proof and issuer; this class only gets the bytes.
 */
public final class HttpStatusListFetcher implements StatusListFetcher {

    private final Set<String> allowedHosts;
    private final HttpClient client;
    private final Duration timeout;
    private final JsonLimits limits;
    private final Function<URI, URI> locator;
    private final FetchCache<URI, JsonObject> cache;

    private HttpStatusListFetcher(Builder b) {
        this.allowedHosts = Set.copyOf(b.allowedHosts);
        this.timeout = b.timeout;
        this.client = HttpJson.client(b.timeout);
        this.limits = b.limits;
        this.locator = b.locator;
        this.cache = new FetchCache<>(b.cacheFor, b.clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public JsonObject fetch(URI statusListCredential) {
        if (!"https".equals(statusListCredential.getScheme())
                || !allowedHosts.contains(statusListCredential.getAuthority())) {
            throw new StandardsException(
                    Code.INVALID_STATUS,
                    "Status list host " + statusListCredential.getAuthority()
                            + " is not on the allow-list (HTTPS only)");
        }
        return cache.get(statusListCredential, this::download);
    }

    private JsonObject download(URI url) {
        return HttpJson.get(
                client,
                locator.apply(url),
                timeout,
                "application/vc+ld+json, application/ld+json, application/json",
                limits,
                Code.INVALID_STATUS,
                "Status list");
    }

    /** Configuration with safe defaults: no hosts, 5 s timeout, 5 min cache, 1 MB / depth 16. */
    public static final class Builder {
        private Set<String> allowedHosts = Set.of();
        private Duration timeout = Duration.ofSeconds(5);
        private Duration cacheFor = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private JsonLimits limits = new JsonLimits(1024 * 1024, 16);
        private Function<URI, URI> locator = Function.identity();

        /** Hosts (with port, if any) status lists may be fetched from. */
        public Builder allowedHosts(Set<String> hosts) {
            this.allowedHosts = Set.copyOf(hosts);
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

        public Builder limits(JsonLimits limits) {
            this.limits = limits;
            return this;
        }

        /** Where a list URL is really fetched from (tests point it at a local server); the allow-list still applies. */
        public Builder locator(Function<URI, URI> locator) {
            this.locator = locator;
            return this;
        }

        public HttpStatusListFetcher build() {
            return new HttpStatusListFetcher(this);
        }
    }
}
