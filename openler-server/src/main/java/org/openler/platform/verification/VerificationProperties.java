package org.openler.platform.verification;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code openler.verification.*}: which other hosts' did:web documents and status lists the verifier may fetch.
 * Empty by default: this platform's own organizations are resolved from its database, and nothing else is fetched
 * until an operator allows it.
 */
@ConfigurationProperties("openler.verification")
public record VerificationProperties(List<String> allowedHosts) {

    public VerificationProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }
}
