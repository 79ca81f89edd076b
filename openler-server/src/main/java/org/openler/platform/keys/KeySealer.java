package org.openler.platform.keys;

/**
 * Seals and unseals private key material. The default seals with AES-GCM under the configured master key; a KMS or
 * HSM replaces this interface with its own implementation (wrapping keys it holds) without touching callers.
 */
public interface KeySealer {

    /** Encrypts {@code plaintext}, binding it to {@code context} (e.g. the key id) so sealed blobs cannot be swapped. */
    byte[] seal(byte[] plaintext, String context);

    /**
     * Reverses {@link #seal}; fails if the blob was altered or sealed under another context or master key. An
     * implementation whose key store cannot be reached right now throws {@code kernel.TemporarilyUnavailable} (a
     * retryable 503), not a plain error (a 500): the signing that needed the key is then retried, not reported as a bug.
     */
    byte[] unseal(byte[] sealed, String context);
}
