package org.openler.standards.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openler.standards.StandardsException;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;

class SignedNoteTests {

    private static final JsonObject NOTE = Vectors.ALL.getJsonObject("note");

    /** The Ed25519 seed of a Go sumdb/note signer key {@code PRIVATE+KEY+name+id+base64(0x01 || seed)}. */
    private static Ed25519KeyPair signerKey(String encoded) {
        String[] parts = encoded.split("\\+", 5);
        byte[] typed = Base64.getDecoder().decode(parts[4]);
        return Ed25519.fromSeed(Arrays.copyOfRange(typed, 1, typed.length));
    }

    @Test
    void signingReproducesTheReferenceNoteByteForByte() {
        Ed25519KeyPair key = signerKey(NOTE.getString("signerKey"));

        String note = SignedNote.sign(NOTE.getString("text"), "PeterNeumann", key);

        assertThat(note).isEqualTo(NOTE.getString("text") + "\n" + NOTE.getString("signatureLine"));
        assertThat(new NoteVerifierKey("PeterNeumann", key.publicKey()).encode())
                .isEqualTo(NOTE.getString("verifierKey"));
    }

    @Test
    void theReferenceNoteOpensWithTheReferenceVerifierKey() {
        NoteVerifierKey key = NoteVerifierKey.parse(NOTE.getString("verifierKey"));
        String note = NOTE.getString("text") + "\n" + NOTE.getString("signatureLine");

        assertThat(SignedNote.open(note, key)).isEqualTo(NOTE.getString("text"));
    }

    @Test
    void aChangedTextIsRejected() {
        NoteVerifierKey key = NoteVerifierKey.parse(NOTE.getString("verifierKey"));
        String note =
                NOTE.getString("text").replace("cryptography", "cryptographY") + "\n" + NOTE.getString("signatureLine");

        assertThatThrownBy(() -> SignedNote.open(note, key))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("invalid");
    }

    @Test
    void aNoteSignedByAnotherKeyIsNotOpened() {
        Ed25519KeyPair other = Ed25519.generate();
        String note = SignedNote.sign(NOTE.getString("text"), "PeterNeumann", other);

        assertThatThrownBy(() -> SignedNote.open(note, NoteVerifierKey.parse(NOTE.getString("verifierKey"))))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("not signed by PeterNeumann");
    }

    @Test
    void aVerifierKeyWithAWrongKeyIdIsRefused() {
        assertThatThrownBy(() ->
                        NoteVerifierKey.parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(StandardsException.class);
    }

    @Test
    void aCheckpointRoundTripsThroughASignedNote() {
        Ed25519KeyPair key = Ed25519.generate();
        Checkpoint checkpoint = new Checkpoint("openler.example/log", 8, Vectors.root(8));

        String note = SignedNote.sign(checkpoint.text(), "openler.example/log", key);
        String text = SignedNote.open(note, new NoteVerifierKey("openler.example/log", key.publicKey()));

        assertThat(text).isEqualTo("openler.example/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n");
        assertThat(Checkpoint.parse(text)).isEqualTo(checkpoint);
    }

    @Test
    void checkpointExtensionLinesAreKept() {
        Checkpoint checkpoint =
                Checkpoint.parse("example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\nTimestamp: 1\n");

        assertThat(checkpoint.size()).isZero();
        assertThat(checkpoint.rootHash()).isEqualTo(MerkleHash.emptyRoot());
        assertThat(checkpoint.extensions()).isEqualTo(List.of("Timestamp: 1"));
    }

    @Test
    void malformedCheckpointsAreRefused() {
        for (String bad : List.of(
                "origin\n8\n",
                "origin\n-1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
                "origin\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
                "origin\n8\nnot base64!\n",
                "origin\n8\nAAAA\n",
                "origin\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=")) {
            assertThatThrownBy(() -> Checkpoint.parse(bad)).as(bad).isInstanceOf(StandardsException.class);
        }
    }
}
