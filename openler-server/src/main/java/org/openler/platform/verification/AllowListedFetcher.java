package org.openler.platform.verification;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openler.standards.StandardsException;
import org.openler.standards.ob2.Fetcher;

/**
 * Fetches the documents an Open Badges 2.0 assertion names — its BadgeClass, Issuer, key, revocation list, or itself
 * where it is hosted — from origins the operator allowed ({@code openler.verification.allowed-hosts}; scheme, host and
 * port compared whole), and nothing else: no other host or port, no redirect, at most 1 MB, 5 seconds. What was fetched is kept for five minutes (a wallet
 * re-checks its badges on every look); a revocation shows within that time.
 */
final class AllowListedFetcher implements Fetcher {

    static final int MAX_BYTES = 1_048_576;
    private static final Duration KEEP = Duration.ofMinutes(5);
    private static final int REMEMBERED = 1_000;

    private record Kept(Instant at, byte[] body) {}

    private final AllowedOrigins allowed;
    private final HttpClient client;
    private final Clock clock;
    private final Map<URI, Kept> kept = new ConcurrentHashMap<>();

    AllowListedFetcher(AllowedOrigins allowed, Clock clock) {
        this.allowed = allowed;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public byte[] fetch(URI url) {
        String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new StandardsException(StandardsException.Code.INVALID_CREDENTIAL, "Only http(s) URLs are fetched");
        }
        // Scheme, host and port together: an allowed name on another port may be another service entirely.
        if (!allowed.allows(url)) {
            throw new StandardsException(
                    StandardsException.Code.INVALID_CREDENTIAL,
                    AllowedOrigins.describe(url) + " is not a host this platform may fetch from (an operator can"
                            + " allow it in openler.verification.allowed-hosts)");
        }
        Kept earlier = kept.get(url);
        if (earlier != null && earlier.at().plus(KEEP).isAfter(clock.instant())) {
            return earlier.body();
        }
        byte[] body = get(url);
        if (kept.size() >= REMEMBERED) {
            kept.clear();
        }
        kept.put(url, new Kept(clock.instant(), body));
        return body;
    }

    private byte[] get(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(5))
                .header("Accept", "application/ld+json, application/json")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new StandardsException(
                            StandardsException.Code.INVALID_CREDENTIAL,
                            url.getHost() + " answered " + response.statusCode());
                }
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                if (body.length > MAX_BYTES) {
                    throw new StandardsException(StandardsException.Code.TOO_LARGE, "The document is over 1 MB");
                }
                return body;
            }
        } catch (IOException e) {
            throw new StandardsException(
                    StandardsException.Code.INVALID_CREDENTIAL, url.getHost() + " could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StandardsException(StandardsException.Code.INVALID_CREDENTIAL, "Interrupted");
        }
    }
}
