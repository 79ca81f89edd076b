package org.openler.platform.transparency;

import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.openler.standards.transparency.MerkleHash;

/**
 * An event the public log records. Each names a stable {@link #type()} and writes only hashes and public identifiers
 * into its entry: a learner's credential appears as the SHA-256 of its id and of its bytes, so the log says nothing
 * about anyone to a reader who does not hold the credential. New kinds of event (an articulation award, say) are new
 * records here with a new type; the table and the tree do not change.
 */
public sealed interface LogEvent {

    /** The entry's {@code type}: stable, clients and auditors match on it. */
    String type();

    /** The hash an entry is found by (a credential's id hash), if it is about one thing. */
    Optional<byte[]> subject();

    /** Writes the event's own fields into the entry (after {@code type} and {@code time}). */
    void describe(JsonObjectBuilder entry);

    /** The hash under which a credential appears in the log: SHA-256 of its id, e.g. {@code urn:uuid:…}. */
    static byte[] credentialSubject(String credentialId) {
        return MerkleHash.sha256(credentialId.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(byte[] hash) {
        return "sha256:" + HexFormat.of().formatHex(hash);
    }

    /** A credential was issued: its id hash and the hash of its exact signed bytes. */
    record CredentialIssued(UUID credentialId, byte[] documentDigest) implements LogEvent {

        public CredentialIssued(UUID credentialId, String document) {
            this(credentialId, MerkleHash.sha256(document.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String type() {
            return "credential.issued";
        }

        @Override
        public Optional<byte[]> subject() {
            return Optional.of(credentialSubject("urn:uuid:" + credentialId));
        }

        @Override
        public void describe(JsonObjectBuilder entry) {
            entry.add("subject", hex(credentialSubject("urn:uuid:" + credentialId)))
                    .add("digest", hex(documentDigest));
        }
    }

    /** What happened to a credential's status. */
    enum StatusChange {
        REVOKED("credential.revoked"),
        SUSPENDED("credential.suspended"),
        REINSTATED("credential.reinstated");

        private final String type;

        StatusChange(String type) {
            this.type = type;
        }
    }

    /** A credential was revoked, suspended or reinstated. */
    record CredentialStatusChanged(UUID credentialId, StatusChange change) implements LogEvent {

        @Override
        public String type() {
            return change.type;
        }

        @Override
        public Optional<byte[]> subject() {
            return Optional.of(credentialSubject("urn:uuid:" + credentialId));
        }

        @Override
        public void describe(JsonObjectBuilder entry) {
            entry.add("subject", hex(credentialSubject("urn:uuid:" + credentialId)));
        }
    }

    /** An organization's issuing key was rotated: the issuer DID and the new key, both public. */
    record IssuerKeyRotated(String issuerDid, String keyId, String publicKeyMultibase) implements LogEvent {

        @Override
        public String type() {
            return "key.rotated";
        }

        @Override
        public Optional<byte[]> subject() {
            return Optional.of(MerkleHash.sha256(issuerDid.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void describe(JsonObjectBuilder entry) {
            entry.add("issuer", issuerDid).add("keyId", keyId).add("publicKeyMultibase", publicKeyMultibase);
        }
    }

    /** A registry entry (public CTDL) was published as a new version, or withdrawn. */
    record RegistryChanged(String ctid, int version, Optional<byte[]> documentDigest) implements LogEvent {

        @Override
        public String type() {
            return documentDigest.isPresent() ? "registry.published" : "registry.withdrawn";
        }

        @Override
        public Optional<byte[]> subject() {
            return Optional.of(MerkleHash.sha256(ctid.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void describe(JsonObjectBuilder entry) {
            entry.add("ctid", ctid).add("version", version);
            documentDigest.ifPresent(digest -> entry.add("digest", hex(digest)));
        }
    }

    /**
     * A college awarded credit by articulation: the credit credential's id hash (as its issuance entry), the rule (its
     * id and version are public in the articulation index) and the credit hours. Nothing about the learner.
     */
    record ArticulationAwarded(UUID credentialId, UUID ruleId, int ruleVersion, String creditHours)
            implements LogEvent {

        @Override
        public String type() {
            return "articulation.awarded";
        }

        @Override
        public Optional<byte[]> subject() {
            return Optional.of(credentialSubject("urn:uuid:" + credentialId));
        }

        @Override
        public void describe(JsonObjectBuilder entry) {
            entry.add("subject", hex(credentialSubject("urn:uuid:" + credentialId)))
                    .add("rule", ruleId.toString())
                    .add("ruleVersion", ruleVersion)
                    .add("creditHours", creditHours);
        }
    }
}
