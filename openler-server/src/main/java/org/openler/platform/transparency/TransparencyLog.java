package org.openler.platform.transparency;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.openler.standards.transparency.MerkleHash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events to the public log. An append is one insert in the caller's transaction (required, not started
 * here): the entry commits or rolls back with the event it records, so a crash can lose neither without the other.
 * The entry gets its leaf index later from the {@link LogSequencer}, which alone grows the tree.
 */
@Service
public class TransparencyLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    TransparencyLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the event in the current transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(LogEvent event) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String entry = entry(event, now);
        jdbc.sql("insert into transparency_entry (leaf_hash, event_type, subject_hash, entry, logged_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(
                        MerkleHash.leaf(entry.getBytes(StandardCharsets.UTF_8)),
                        event.type(),
                        event.subject().orElse(null),
                        entry,
                        Timestamp.from(now))
                .update();
    }

    /** The entry's exact bytes: what its leaf hash covers and what auditors download. */
    static String entry(LogEvent event, Instant at) {
        JsonObjectBuilder entry =
                Json.createObjectBuilder().add("type", event.type()).add("time", at.toString());
        event.describe(entry);
        return entry.build().toString();
    }
}
