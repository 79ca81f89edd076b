package org.openler.standards.ob2;

import java.net.URI;
import org.openler.standards.StandardsException;

/**
 * Gets the bytes at a URL: a BadgeClass, an Issuer profile, a CryptographicKey, a RevocationList, or the hosted
 * Assertion itself. The caller decides what may be fetched (an allow-list of hosts, a size limit, a timeout).
 */
@FunctionalInterface
public interface Fetcher {

    /**
     * The document at {@code url}.
     *
     * @throws StandardsException when it may not be fetched or is not there
     */
    byte[] fetch(URI url);
}
