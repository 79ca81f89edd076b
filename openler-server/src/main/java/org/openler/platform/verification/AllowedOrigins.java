package org.openler.platform.verification;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The places an operator allowed this server to reach: each an origin, scheme + host + port, compared whole. An
 * entry is {@code host} (HTTPS on 443), {@code host:port} (HTTPS on that port) or {@code scheme://host[:port]} (plain
 * HTTP only when written so). Comparing the host alone let an allowed name on any port be reached, such as an
 * internal service on the same machine (issue 19).
 */
public final class AllowedOrigins {

    /** One allowed origin. */
    public record Origin(String scheme, String host, int port) {
        @Override
        public String toString() {
            return scheme + "://" + host + ":" + port;
        }
    }

    private final Set<Origin> origins;

    private AllowedOrigins(Set<Origin> origins) {
        this.origins = Set.copyOf(origins);
    }

    /** Reads the configured entries; an entry that names no usable origin is refused at start-up, not ignored. */
    public static AllowedOrigins of(List<String> entries) {
        Set<Origin> origins = new LinkedHashSet<>();
        for (String entry : entries) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            Origin origin = origin(trimmed.contains("://") ? trimmed : "https://" + trimmed);
            if (origin == null) {
                throw new IllegalArgumentException("Not an origin (host, host:port or https://host:port): " + entry);
            }
            origins.add(origin);
        }
        return new AllowedOrigins(origins);
    }

    /** Whether the URL's scheme, host and port are exactly one allowed origin. */
    public boolean allows(URI url) {
        Origin origin = origin(url);
        return origin != null && origins.contains(origin);
    }

    public boolean allows(String url) {
        try {
            return allows(URI.create(url));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /**
     * The did:web authorities these origins allow ({@code host} for 443, {@code host:port} otherwise): did:web is HTTPS
     * only, so plain-HTTP origins give none. The standards library's resolvers compare these whole.
     */
    public Set<String> httpsAuthorities() {
        return origins.stream()
                .filter(o -> o.scheme().equals("https"))
                .map(o -> o.port() == 443 ? o.host() : o.host() + ":" + o.port())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The origin of a URL, for messages: {@code scheme://host:port}. */
    public static String describe(URI url) {
        Origin origin = origin(url);
        return origin == null ? String.valueOf(url.getHost()) : origin.toString();
    }

    public List<Origin> origins() {
        return new ArrayList<>(origins);
    }

    private static @Nullable Origin origin(String url) {
        try {
            return origin(URI.create(url));
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static @Nullable Origin origin(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (host == null || url.getRawUserInfo() != null || !(scheme.equals("https") || scheme.equals("http"))) {
            return null;
        }
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return new Origin(scheme, host.toLowerCase(Locale.ROOT), port);
    }
}
