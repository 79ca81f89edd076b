package org.openler.platform.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.standards.transparency.Checkpoint;
import org.openler.standards.transparency.MerkleHash;
import org.openler.standards.transparency.NoteVerifierKey;
import org.openler.standards.transparency.SignedNote;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code ./openler log audit} against the running platform: a clean log passes; a changed entry or a fork does not. */
@PlatformTest
class LogAuditIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LogSequencer sequencer;

    @Autowired
    LogKey logKey;

    LogClient client;
    LogAuditor auditor;

    @BeforeEach
    void aLogWithEntries() {
        client = LogClient.aProvider(fixtures, port);
        client.issue("audit-one@example.org");
        client.issue("audit-two@example.org");
        sequencer.integrateAll();
        auditor = new LogAuditor(URI.create(client.base));
    }

    @Test
    void aLogThatOnlyAppendedSinceTheSavedCheckpointChecksOut(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("checkpoint");
        assertThat(LogAuditCommand.run(new String[] {"log", "audit", client.base, "--save", saved.toString()}))
                .isZero();

        client.issue("audit-three@example.org");
        sequencer.integrateAll();
        LogAuditor.Report report = auditor.audit(auditor.publishedKey(), Optional.of(Files.readString(saved)), true);

        assertThat(report.problems()).isEmpty();
        assertThat(report.findings()).anyMatch(f -> f.startsWith("Consistent with the saved checkpoint"));
        assertThat(LogAuditCommand.run(new String[] {client.base, "--from", saved.toString()}))
                .isZero();
    }

    @Test
    void anEntryChangedInTheDatabaseIsDetected(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("checkpoint");
        Files.writeString(saved, auditor.latestNote());
        long index = jdbc.sql("select max(leaf_index) from transparency_entry where event_type = 'credential.issued'")
                .query(Long.class)
                .single();
        record Original(String entry, byte[] leafHash) {}
        Original original = jdbc.sql("select entry, leaf_hash from transparency_entry where leaf_index = ?")
                .param(index)
                .query((rs, n) -> new Original(rs.getString(1), rs.getBytes(2)))
                .single();
        // The rewrite an insider would make: another digest, and the leaf hash made to match it.
        String forged = original.entry().replaceFirst("\"digest\":\"sha256:.", "\"digest\":\"sha256:0");
        String forgedDifferent = forged.equals(original.entry())
                ? original.entry().replaceFirst("\"digest\":\"sha256:.", "\"digest\":\"sha256:1")
                : forged;
        jdbc.sql("update transparency_entry set entry = ?, leaf_hash = ? where leaf_index = ?")
                .params(forgedDifferent, MerkleHash.leaf(forgedDifferent.getBytes()), index)
                .update();
        try {
            LogAuditor.Report report =
                    auditor.audit(auditor.publishedKey(), Optional.of(Files.readString(saved)), true);

            assertThat(report.clean()).isFalse();
            assertThat(report.problems()).anyMatch(p -> p.startsWith("REWRITE:"));
            assertThat(LogAuditCommand.run(new String[] {client.base, "--from", saved.toString()}))
                    .isEqualTo(1);
        } finally {
            jdbc.sql("update transparency_entry set entry = ?, leaf_hash = ? where leaf_index = ?")
                    .params(original.entry(), original.leafHash(), index)
                    .update();
        }
        assertThat(auditor.audit(auditor.publishedKey(), Optional.of(Files.readString(saved)), true)
                        .problems())
                .isEmpty();
    }

    @Test
    void aSecondHeadOfTheSameSizeWithAnotherRootIsReportedAsAFork() throws Exception {
        Checkpoint latest = client.checkpoint();
        byte[] otherRoot = MerkleHash.sha256("another history".getBytes());
        LogKey.Loaded key = logKey.get();
        String splitView = SignedNote.sign(
                new Checkpoint(latest.origin(), latest.size(), otherRoot).text(), key.origin(), key.key());

        LogAuditor.Report report = auditor.audit(key.verifier(), Optional.of(splitView), false);

        assertThat(report.problems()).anyMatch(p -> p.startsWith("FORK:"));
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused() throws Exception {
        NoteVerifierKey stranger = new NoteVerifierKey(
                logKey.get().origin(),
                org.openler.standards.crypto.Ed25519.generate().publicKey());

        LogAuditor.Report report = auditor.audit(stranger, Optional.empty(), false);

        assertThat(report.problems()).singleElement().asString().contains("not validly signed");
    }
}
