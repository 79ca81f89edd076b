package org.openler.platform.talent;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.privacy.Discovery;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.Wallet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The learner's discovery setting. It builds beside the privacy center's "let others find me" switch
 * ({@link Discovery}) and keeps it in step, so the privacy center's summary and export stay true; a search needs
 * both on. Turning discovery off voids every pending invitation in the same transaction and writes the talent
 * outbox's row in it too; the index follower applies that row as soon as the transaction commits, before the
 * request answers, so the profile is gone from results at once.
 */
@Service
public class TalentDiscovery {

    /** More than anyone holds; a guard on the request's size. */
    static final int MAX_ITEMS = 200;

    private final JdbcClient jdbc;
    private final Discovery discovery;
    private final Wallet wallet;
    private final Clock clock;
    private final TalentOutbox outbox;

    TalentDiscovery(JdbcClient jdbc, Discovery discovery, Wallet wallet, Clock clock, TalentOutbox outbox) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.discovery = discovery;
        this.wallet = wallet;
        this.clock = clock;
    }

    public DiscoverySetting read(AccountId learner) {
        record Row(DiscoveryMode mode, Optional<String> location, Optional<Availability> availability) {}
        Row row = jdbc.sql("select mode, region, availability from talent_discovery where account_id = ?")
                .param(learner.value())
                .query((rs, n) -> new Row(
                        DiscoveryMode.valueOf(rs.getString(1)),
                        Optional.ofNullable(rs.getString(2)),
                        Optional.ofNullable(rs.getString(3)).map(Availability::valueOf)))
                .optional()
                .orElse(new Row(DiscoveryMode.OFF, Optional.empty(), Optional.empty()));
        DiscoveryMode mode = row.mode();
        if (!discovery.isDiscoverable(learner)) {
            mode = DiscoveryMode.OFF; // the privacy center's switch was turned off: nobody finds this learner
        }
        List<UUID> credentials = jdbc
                .sql("select ref from talent_searchable where account_id = ? and kind = 'CREDENTIAL' order by ref")
                .param(learner.value())
                .query(String.class)
                .list()
                .stream()
                .map(UUID::fromString)
                .toList();
        List<URI> skills = jdbc
                .sql("select ref from talent_searchable where account_id = ? and kind = 'SKILL' order by ref")
                .param(learner.value())
                .query(String.class)
                .list()
                .stream()
                .map(URI::create)
                .toList();
        return new DiscoverySetting(mode, credentials, skills, row.location(), row.availability());
    }

    /** Replaces the setting. Credentials must be the learner's own; off voids pending invitations. */
    @Transactional
    public DiscoverySetting write(AccountId learner, DiscoverySetting setting) {
        if (setting.credentials().size() > MAX_ITEMS || setting.skills().size() > MAX_ITEMS) {
            throw PlatformException.invalid("credentials", "At most " + MAX_ITEMS + " credentials and skills.");
        }
        for (UUID credential : setting.credentials()) {
            if (wallet.find(learner, new HeldCredentialId(credential)).isEmpty()) {
                throw PlatformException.invalid("credentials", "Choose among your own credentials.");
            }
        }
        for (URI skill : setting.skills()) {
            if (skill.toString().length() > 1000 || !skill.isAbsolute()) {
                throw PlatformException.invalid("skills", "A skill is named by its absolute URI.");
            }
        }
        Optional<String> location = setting.location().filter(l -> !l.isBlank());
        if (location.isPresent()) {
            location = Optional.of(Regions.of(location.get())
                    .orElseThrow(() -> PlatformException.invalid("location", "Choose a region from the list."))
                    .code());
        }
        Timestamp now = Timestamp.from(clock.instant());
        // Insert-if-missing, then update (as privacy.Discovery does): "on conflict do update" is PostgreSQL's alone,
        // and H2 (the demo's database) refused it, so saving the setting failed on the demo
        jdbc.sql("insert into talent_discovery (account_id, mode, updated_at) values (?, ?, ?) on conflict do nothing")
                .params(learner.value(), setting.mode().name(), now)
                .update();
        jdbc.sql("update talent_discovery set mode = ?, region = ?, availability = ?, updated_at = ?"
                        + " where account_id = ?")
                .params(
                        setting.mode().name(),
                        location.orElse(null),
                        setting.availability().map(Availability::name).orElse(null),
                        now,
                        learner.value())
                .update();
        jdbc.sql("delete from talent_searchable where account_id = ?")
                .param(learner.value())
                .update();
        for (UUID credential : new LinkedHashSet<>(setting.credentials())) {
            insert(learner, "CREDENTIAL", credential.toString());
        }
        for (URI skill : new LinkedHashSet<>(setting.skills())) {
            insert(learner, "SKILL", skill.toString());
        }
        discovery.setDiscoverable(learner, setting.mode() != DiscoveryMode.OFF);
        outbox.record(learner); // the index follows, from this transaction's outbox row
        if (setting.mode() != DiscoveryMode.ANONYMOUS) {
            // anonymous invitations came through the anonymous search: without it, they are void
            jdbc.sql("update talent_invitation set state = 'VOID', answered_at = ? where account_id = ?"
                            + " and state = 'OPEN'")
                    .params(now, learner.value())
                    .update();
        }
        return read(learner);
    }

    /** The learners an anonymous search may rank: anonymous mode, and the privacy center's switch on. */
    List<AccountId> anonymous() {
        return jdbc
                .sql("select d.account_id from talent_discovery d join privacy_preference p"
                        + " on p.account_id = d.account_id where d.mode = 'ANONYMOUS' and p.discoverable")
                .query(UUID.class)
                .list()
                .stream()
                .map(AccountId::new)
                .toList();
    }

    /** Every learner some search may find (anonymous or internal, and the privacy center's switch on): the rebuild. */
    List<AccountId> findable() {
        return jdbc
                .sql("select d.account_id from talent_discovery d join privacy_preference p"
                        + " on p.account_id = d.account_id where d.mode <> 'OFF' and p.discoverable")
                .query(UUID.class)
                .list()
                .stream()
                .map(AccountId::new)
                .toList();
    }

    boolean isAnonymouslyDiscoverable(AccountId learner) {
        return read(learner).mode() == DiscoveryMode.ANONYMOUS;
    }

    private void insert(AccountId learner, String kind, String ref) {
        jdbc.sql("insert into talent_searchable (account_id, kind, ref) values (?, ?, ?)")
                .params(learner.value(), kind, ref)
                .update();
    }

    /** The account is being erased (in this transaction): its setting goes now rather than with the account row. */
    void forget(AccountId learner) {
        jdbc.sql("delete from talent_searchable where account_id = ?")
                .param(learner.value())
                .update();
        jdbc.sql("delete from talent_discovery where account_id = ?")
                .param(learner.value())
                .update();
    }
}
