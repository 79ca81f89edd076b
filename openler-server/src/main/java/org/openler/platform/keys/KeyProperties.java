package org.openler.platform.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code openler.security.*}: the master key that seals private keys at rest (32 random bytes, base64).
 *
 * @param masterKey base64 of 32 bytes; empty means "make one in the data directory", which only demo mode allows
 */
@ConfigurationProperties("openler.security")
public record KeyProperties(String masterKey) {

    public KeyProperties {
        masterKey = masterKey == null ? "" : masterKey.strip();
    }
}
