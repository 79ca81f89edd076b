package org.openler.standards.status;

import jakarta.json.JsonObject;
import java.net.URI;

/**
 * Obtains a status list credential by URL. The server implements it over its own HTTP client (or its database, for
 * its own lists); tests feed documents. Implementations must bound size and time, and fail closed.
 */
public interface StatusListFetcher {

    /**
     * @throws org.openler.standards.StandardsException INVALID_STATUS when the list cannot be obtained
     */
    JsonObject fetch(URI statusListCredential);
}
