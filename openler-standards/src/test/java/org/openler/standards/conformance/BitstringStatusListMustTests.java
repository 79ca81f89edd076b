package org.openler.standards.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openler.standards.StandardsException;
import org.openler.standards.crypto.Multibase;
import org.openler.standards.status.BitstringStatusList;
import org.openler.standards.status.StatusEntry;
import org.openler.standards.status.StatusListCredentials;
import org.openler.standards.status.StatusPurpose;

/**
 * The normative statements (MUST) of W3C Bitstring Status List v1.0 that concern the data — the entry a credential
 * carries (§2.1) and the status list credential (§2.2) — one test each, named after the statement. The verifier's use
 * of them (the list's issuer and proof, its purpose against the entry's, revoked and suspended bits) is tested through
 * the whole verifier in {@code RoundTripTests}; the W3C suite
 * (vc-bitstring-status-list-test-suite) runs over HTTP (docs/w3c-conformance.md).
 */
class BitstringStatusListMustTests {

    private static JsonObjectBuilder entry() {
        return Json.createObjectBuilder()
                .add("id", "https://university.example/status/3#94567")
                .add("type", "BitstringStatusListEntry")
                .add("statusPurpose", "revocation")
                .add("statusListIndex", "94567")
                .add("statusListCredential", "https://university.example/status/3");
    }

    private static JsonObject listCredential(JsonObjectBuilder subject) {
        return Json.createObjectBuilder(StatusListCredentials.unsigned(
                        URI.create("https://university.example/status/3"),
                        "did:example:issuer",
                        StatusPurpose.REVOCATION,
                        BitstringStatusList.create(),
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Optional.empty()))
                .add("credentialSubject", subject)
                .build();
    }

    private static JsonObjectBuilder subject() {
        return Json.createObjectBuilder()
                .add("id", "https://university.example/status/3#list")
                .add("type", "BitstringStatusList")
                .add("statusPurpose", "revocation")
                .add("encodedList", BitstringStatusList.create().encode());
    }

    private static void invalid(Runnable reading, String reason) {
        assertThatThrownBy(reading::run).isInstanceOf(StandardsException.class).hasMessageContaining(reason);
    }

    @Test
    @DisplayName("An entry as the specification's example writes it is read as written")
    void aValidEntryIsReadAsWritten() {
        StatusEntry read = StatusEntry.parse(entry().build());
        assertThat(read.purpose()).isEqualTo(StatusPurpose.REVOCATION);
        assertThat(read.index()).isEqualTo(94567);
        assertThat(read.statusListCredential()).hasToString("https://university.example/status/3");
    }

    @Test
    @DisplayName("§2.1 The type property MUST be BitstringStatusListEntry.")
    void theEntryTypeMustBeBitstringStatusListEntry() {
        invalid(
                () -> StatusEntry.parse(
                        entry().add("type", "StatusList2021Entry").build()),
                "BitstringStatusListEntry");
    }

    @Test
    @DisplayName(
            "§2.1 The statusPurpose property MUST be a string (revocation or suspension are the purposes checked).")
    void theEntryPurposeMustBeAKnownString() {
        invalid(() -> StatusEntry.parse(entry().add("statusPurpose", 1).build()), "statusPurpose");
        invalid(() -> StatusEntry.parse(entry().add("statusPurpose", "mystery").build()), "statusPurpose");
        assertThat(StatusEntry.parse(entry().add("statusPurpose", "suspension").build())
                        .purpose())
                .isEqualTo(StatusPurpose.SUSPENSION);
    }

    @Test
    @DisplayName("§2.1 The statusListIndex property MUST be an arbitrary size integer greater than or equal to 0,"
            + " expressed as a string in base 10.")
    void theIndexMustBeANonNegativeBase10Integer() {
        invalid(() -> StatusEntry.parse(entry().add("statusListIndex", "-1").build()), "statusListIndex");
        invalid(() -> StatusEntry.parse(entry().add("statusListIndex", "0x10").build()), "statusListIndex");
        invalid(() -> StatusEntry.parse(entry().add("statusListIndex", "1e3").build()), "statusListIndex");
        assertThat(StatusEntry.parse(entry().add("statusListIndex", "0").build())
                        .index())
                .isZero();
    }

    @Test
    @DisplayName("§2.1 The statusListCredential property MUST be a URL to a verifiable credential.")
    void theStatusListCredentialMustBeAUrl() {
        invalid(
                () -> StatusEntry.parse(
                        entry().add("statusListCredential", "not a url").build()),
                "URL");
    }

    @Test
    @DisplayName("§2.2 The type of the status list credential MUST include BitstringStatusListCredential.")
    void theListCredentialTypeMustIncludeBitstringStatusListCredential() {
        JsonObject wrong = Json.createObjectBuilder(listCredential(subject()))
                .add("type", Json.createArrayBuilder().add("VerifiableCredential"))
                .build();
        invalid(() -> StatusListCredentials.decode(wrong), "BitstringStatusListCredential");
    }

    @Test
    @DisplayName("§2.2 The type of the credentialSubject MUST be BitstringStatusList.")
    void theListSubjectTypeMustBeBitstringStatusList() {
        invalid(() -> StatusListCredentials.decode(listCredential(subject().add("type", "StatusList2021"))), "list");
    }

    @Test
    @DisplayName("§2.2 The statusPurpose of the list MUST be one or more strings (a purpose the verifier knows).")
    void theListPurposeMustBeKnown() {
        invalid(
                () -> StatusListCredentials.decode(listCredential(subject().add("statusPurpose", "mystery"))),
                "purpose");
    }

    @Test
    @DisplayName("§2.2 The encodedList MUST be a Multibase-encoded base64url (with no padding) representation of the"
            + " GZIP-compressed bitstring values.")
    void theEncodedListMustBeMultibaseBase64UrlOfGzip() throws IOException {
        byte[] gzipped = gzip(new byte[BitstringStatusList.MIN_LENGTH / 8]);
        String noPrefix = Multibase.encodeBase64Url(gzipped).substring(1);
        invalid(() -> BitstringStatusList.decode(noPrefix), "multibase");
        String notGzip = Multibase.encodeBase64Url(new byte[BitstringStatusList.MIN_LENGTH / 8]);
        invalid(() -> BitstringStatusList.decode(notGzip), "GZIP");
        assertThat(BitstringStatusList.decode(Multibase.encodeBase64Url(gzipped))
                        .length())
                .isEqualTo(BitstringStatusList.MIN_LENGTH);
    }

    @Test
    @DisplayName("§2.2 The uncompressed bitstring MUST be at least 16KB in size (131,072 entries).")
    void theBitstringMustBeAtLeast16Kb() throws IOException {
        String short16Kb = Multibase.encodeBase64Url(gzip(new byte[BitstringStatusList.MIN_LENGTH / 8 - 1]));
        invalid(() -> BitstringStatusList.decode(short16Kb), "at least 131072");
    }

    @Test
    @DisplayName("§2.2 The bits are read from the first: index 0 is the most significant bit of the first byte.")
    void indexZeroIsTheFirstBitOfTheFirstByte() throws IOException {
        byte[] bits = new byte[BitstringStatusList.MIN_LENGTH / 8];
        bits[0] = (byte) 0x80;
        bits[1] = 0x01;
        BitstringStatusList list = BitstringStatusList.decode(Multibase.encodeBase64Url(gzip(bits)));
        assertThat(list.get(0)).isTrue();
        assertThat(list.get(1)).isFalse();
        assertThat(list.get(15)).isTrue();
        assertThat(list.get(14)).isFalse();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
