package org.openler.platform.presentations;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code openler.presentations.*}: the hosts of verifiers elsewhere that learners' wallets here may answer (their
 * OpenID4VP response URIs). Empty by default: the wallet answers only this platform's verifiers until an operator
 * allows others, because answering means this server posts the learner's presentation to that host.
 */
@ConfigurationProperties("openler.presentations")
public record PresentationsProperties(List<String> externalVerifiers) {

    public PresentationsProperties {
        externalVerifiers = externalVerifiers == null ? List.of() : List.copyOf(externalVerifiers);
    }
}
