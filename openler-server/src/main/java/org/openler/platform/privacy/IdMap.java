package org.openler.platform.privacy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * During a restore: the bundle's ids mapped to the new rows' ids, per section, so that a share restored after the
 * wallet can point at the credential's new id.
 */
public final class IdMap {

    private final Map<String, UUID> ids = new HashMap<>();

    public void put(String section, String bundleId, UUID newId) {
        ids.put(section + '/' + bundleId, newId);
    }

    public Optional<UUID> find(String section, String bundleId) {
        return Optional.ofNullable(ids.get(section + '/' + bundleId));
    }
}
