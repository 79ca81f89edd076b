package org.openler.platform.kernel;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The platform's public base URL, which credentials and DIDs embed: {@code openler.public-url} when configured (a
 * real deployment must set it, so every instance and background job uses the same one); else the current request's;
 * else {@code http://localhost:<port>}.
 */
@Component
public class PlatformUrls {

    private final String configured;
    private final Environment environment;

    PlatformUrls(@Value("${openler.public-url:}") String configured, Environment environment) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        this.environment = environment;
    }

    public String base() {
        if (!configured.isBlank()) {
            return configured;
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            return PublicUrl.current();
        }
        return "http://localhost:"
                + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    /** The host (with port, if any) as did:web writes it before encoding. */
    public String host() {
        return URI.create(base()).getAuthority();
    }
}
