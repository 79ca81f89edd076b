package org.openler.platform.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.standards.transparency.Checkpoint;
import org.openler.standards.transparency.MerkleHash;
import org.openler.standards.transparency.MerkleProofs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The public log over the real API and the real PostgreSQL: appends, sequencing, proofs, and bad input. */
@PlatformTest
class TransparencyLogIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransparencyLog log;

    @Autowired
    LogSequencer sequencer;

    @Autowired
    TransactionTemplate transaction;

    LogClient client;

    @BeforeEach
    void aProvider() {
        client = LogClient.aProvider(fixtures, port);
    }

    private static String id(String credential) {
        return LogClient.json(credential).get("id").asString();
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    @Test
    void anIssuedCredentialIsInTheSignedTreeAndItsInclusionProofVerifies() {
        String credential = client.issue("logged@example.org");
        sequencer.integrateAll();
        Checkpoint checkpoint = client.checkpoint();

        byte[] subject = LogEvent.credentialSubject(id(credential));
        JsonNode proof = client.getJson("/log/proof/inclusion?hash=" + hex(subject));

        JsonNode entry = LogClient.json(proof.get("entry").asString());
        assertThat(entry.get("type").asString()).isEqualTo("credential.issued");
        assertThat(entry.get("subject").asString()).isEqualTo("sha256:" + hex(subject));
        assertThat(entry.get("digest").asString())
                .isEqualTo("sha256:" + hex(MerkleHash.sha256(credential.getBytes(StandardCharsets.UTF_8))));
        assertThat(proof.get("entry").asString()).doesNotContain("logged@example.org");
        byte[] leafHash = MerkleHash.leaf(proof.get("entry").asString().getBytes(StandardCharsets.UTF_8));
        assertThat(Base64.getDecoder().decode(proof.get("leafHash").asString())).isEqualTo(leafHash);
        assertThat(proof.get("treeSize").asLong()).isEqualTo(checkpoint.size());
        assertThat(MerkleProofs.verifyInclusion(
                        proof.get("leafIndex").asLong(),
                        checkpoint.size(),
                        leafHash,
                        LogClient.hashes(proof.get("inclusionPath")),
                        checkpoint.rootHash()))
                .isTrue();
        assertThat(client.getJson("/log/proof/inclusion?hash="
                                + URLEncoder.encode(
                                        Base64.getEncoder().encodeToString(leafHash), StandardCharsets.UTF_8))
                        .get("leafIndex")
                        .asLong())
                .isEqualTo(proof.get("leafIndex").asLong());
    }

    @Test
    void theVerifierChecksThatACredentialIsInThePublicLog() {
        String credential = client.issue("verified@example.org");
        sequencer.integrateAll();

        HttpResponse<String> verified =
                client.post("/credentials/verify", "{\"verifiableCredential\":" + credential + "}");

        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        JsonNode logCheck = logCheck(verified);
        assertThat(logCheck.get("result").asString()).isEqualTo("passed");
        assertThat(logCheck.get("message").asString()).startsWith("Recorded in the public log on ");
    }

    @Test
    void aCredentialWhoseLogEntryWasRewrittenIsFlaggedByTheVerifier() {
        String credential = client.issue("rewritten@example.org");
        sequencer.integrateAll();
        byte[] subject = LogEvent.credentialSubject(id(credential));
        jdbc.sql("update transparency_entry set entry = replace(entry, 'credential.issued', 'credential.issued ')"
                        + " where subject_hash = ?")
                .param(subject)
                .update();
        try {
            HttpResponse<String> verified =
                    client.post("/credentials/verify", "{\"verifiableCredential\":" + credential + "}");

            JsonNode logCheck = logCheck(verified);
            assertThat(logCheck.get("result").asString()).isEqualTo("warning");
            assertThat(logCheck.get("message").asString()).contains("does not verify");
        } finally {
            jdbc.sql("update transparency_entry set entry = replace(entry, 'credential.issued ', 'credential.issued')"
                            + " where subject_hash = ?")
                    .param(subject)
                    .update();
        }
    }

    @Test
    void revocationSuspensionAndReinstatementAreEachLogged() {
        String credential = client.issue("status@example.org");
        String id = id(credential);
        assertThat(client.changeStatus(id, "suspended").statusCode()).isLessThan(300);
        assertThat(client.changeStatus(id, "active").statusCode()).isLessThan(300);
        assertThat(client.changeStatus(id, "revoked").statusCode()).isLessThan(300);

        List<String> types = jdbc.sql("select event_type from transparency_entry where subject_hash = ? order by seq")
                .param(LogEvent.credentialSubject(id))
                .query(String.class)
                .list();

        assertThat(types)
                .containsExactly(
                        "credential.issued", "credential.suspended", "credential.reinstated", "credential.revoked");
    }

    @Test
    void anIssuerKeyRotationIsLoggedWithTheNewPublicKey() {
        String keyId = fixtures.rotateIssuerKey(client.provider);

        String entry = jdbc.sql("select entry from transparency_entry where event_type = 'key.rotated'"
                        + " order by seq desc limit 1")
                .query(String.class)
                .single();

        JsonNode json = LogClient.json(entry);
        assertThat(json.get("keyId").asString()).isEqualTo(keyId);
        assertThat(json.get("issuer").asString()).endsWith(":orgs:" + client.provider.slug());
        assertThat(json.get("publicKeyMultibase").asString()).startsWith("z6Mk");
    }

    @Test
    void anAppendOutsideATransactionIsRefusedAndARolledBackOneLeavesNoEntry() {
        UUID credential = UUID.randomUUID();
        LogEvent event = new LogEvent.CredentialIssued(credential, "{}");

        assertThatThrownBy(() -> log.append(event)).isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    log.append(event);
                    throw new IllegalStateException("the event's own write failed");
                }))
                .hasMessageContaining("failed");

        assertThat(jdbc.sql("select count(*) from transparency_entry where subject_hash = ?")
                        .param(LogEvent.credentialSubject("urn:uuid:" + credential))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void concurrentAppendsAndSequencersNeverForkTheTree() throws Exception {
        sequencer.integrateAll();
        Checkpoint before = client.checkpoint();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> work = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            work.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    transaction.executeWithoutResult(
                            status -> log.append(new LogEvent.CredentialIssued(UUID.randomUUID(), "{\"n\":1}")));
                }
            }));
        }
        for (int s = 0; s < 2; s++) {
            work.add(pool.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    sequencer.integrateAll();
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        sequencer.integrateAll();
        Checkpoint after = client.checkpoint();

        assertThat(after.size()).isGreaterThanOrEqualTo(before.size() + 200);
        List<byte[]> leaves = jdbc.sql("select leaf_hash from transparency_entry where leaf_index is not null"
                        + " and leaf_index < ? order by leaf_index")
                .param(after.size())
                .query((rs, n) -> rs.getBytes(1))
                .list();
        assertThat(leaves).hasSize((int) after.size());
        assertThat(MerkleHash.root(leaves)).isEqualTo(after.rootHash());
        JsonNode consistency = client.getJson("/log/proof/consistency?from=" + before.size() + "&to=" + after.size());
        assertThat(MerkleProofs.verifyConsistency(
                        before.size(),
                        after.size(),
                        before.rootHash(),
                        after.rootHash(),
                        LogClient.hashes(consistency.get("consistencyPath"))))
                .isTrue();
    }

    @Test
    void theLeavesCarryTheirExactEntriesForAuditors() {
        client.issue("auditor@example.org");
        sequencer.integrateAll();
        Checkpoint checkpoint = client.checkpoint();
        long start = Math.max(0, checkpoint.size() - 5);

        JsonNode leaves = client.getJson("/log/leaves?start=" + start + "&end=" + checkpoint.size());

        assertThat(leaves.size()).isEqualTo((int) (checkpoint.size() - start));
        for (JsonNode leaf : leaves) {
            assertThat(Base64.getDecoder().decode(leaf.get("leafHash").asString()))
                    .isEqualTo(MerkleHash.leaf(leaf.get("entry").asString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void theCheckpointIsAlsoAtItsWellKnownAddress() {
        sequencer.integrateAll();
        HttpResponse<String> wellKnown = client.web.get("/.well-known/transparency-log/checkpoint", "text/plain");

        assertThat(wellKnown.statusCode()).isEqualTo(200);
        assertThat(wellKnown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(wellKnown.body()).contains("\n\n\u2014 ");
    }

    @Test
    void badInputIsAProblemNotAServerError() {
        sequencer.integrateAll();
        long size = client.checkpoint().size();
        for (String path : List.of(
                "/log/proof/inclusion?hash=not-a-hash",
                "/log/proof/inclusion?hash=" + "ab".repeat(31),
                "/log/proof/inclusion?hash=" + "ab".repeat(32) + "&treeSize=0",
                "/log/proof/inclusion?hash=" + "ab".repeat(32) + "&treeSize=" + (size + 1),
                "/log/proof/consistency?from=5&to=2",
                "/log/proof/consistency?from=-1",
                "/log/proof/consistency?from=abc",
                "/log/proof/consistency?from=0&to=" + (size + 1),
                "/log/leaves?start=3&end=1",
                "/log/leaves?start=0&end=" + (size + 1),
                "/log/leaves?start=0",
                "/log/leaves?start=x&end=1")) {
            HttpResponse<String> response = client.get(path);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        }
        HttpResponse<String> unknown = client.get("/log/proof/inclusion?hash=" + "ab".repeat(32));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    /** The verifier's transparency-log check in its answer. */
    private static JsonNode logCheck(HttpResponse<String> verified) {
        return LogClient.json(verified.body())
                .get("checks")
                .valueStream()
                .filter(c -> c.get("check").asString().equals("transparency_log"))
                .findFirst()
                .orElseThrow();
    }
}
