package org.openler.platform.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outgoing e-mail. Messages are written in the caller's transaction; a delivery worker (or, in demo mode, the outbox
 * page) picks them up. Message bodies hold links with secrets, so they are never logged.
 */
@Service
public class MailOutbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    MailOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Answers the message's id, for a caller that may need to {@link #withdraw} it. */
    @Transactional
    public UUID enqueue(String recipient, String subject, String body) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into outbox_message (id, recipient, subject, body, created_at) values (?, ?, ?, ?, ?)")
                .params(id, recipient, subject, body, Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    /**
     * Takes back a message not yet delivered (what it offered is no longer on offer); a delivered one stays, as the
     * record of what was sent. Answers whether it was withdrawn.
     */
    @Transactional
    public boolean withdraw(UUID message) {
        return jdbc.sql("delete from outbox_message where id = ? and delivered_at is null")
                        .param(message)
                        .update()
                == 1;
    }

    /** Deletes every message to this address: the person deleted their account, and the address goes with it. */
    @Transactional
    public void forget(String recipient) {
        jdbc.sql("delete from outbox_message where lower(recipient) = ?")
                .param(recipient.toLowerCase(Locale.ROOT))
                .update();
    }

    public List<Message> newest(int limit) {
        return jdbc.sql("select id, recipient, subject, body, created_at from outbox_message"
                        + " order by created_at desc limit ?")
                .param(limit)
                .query(MailOutbox::message)
                .list();
    }

    public List<Message> to(String recipient) {
        return jdbc.sql("select id, recipient, subject, body, created_at from outbox_message where recipient = ?"
                        + " order by created_at desc")
                .param(recipient.toLowerCase(Locale.ROOT))
                .query(MailOutbox::message)
                .list();
    }

    private static Message message(ResultSet rs, int row) throws SQLException {
        return new Message(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }

    /** A message waiting in (or delivered from) the outbox. */
    public record Message(UUID id, String recipient, String subject, String body, Instant createdAt) {}
}
