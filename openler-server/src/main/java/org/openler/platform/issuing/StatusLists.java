package org.openler.platform.issuing;

import jakarta.json.JsonObject;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.identity.OrganizationId;
import org.openler.platform.identity.PlatformUrls;
import org.openler.platform.problems.PlatformException;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.json.StrictJson;
import org.openler.standards.status.BitstringStatusList;
import org.openler.standards.status.StatusEntry;
import org.openler.standards.status.StatusListCredentials;
import org.openler.standards.status.StatusPurpose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bitstring Status List v1.0 for an organization: random index allocation that never reuses an index (the
 * database's primary key decides, across instances), and the published, signed list credential computed from the
 * credentials' statuses.
 */
@Service
public class StatusLists {

    /** 131,072 entries: the spec's minimum for herd privacy. */
    static final int LIST_SIZE = 131_072;

    private static final int MAX_DRAWS = 64;

    private final JdbcClient jdbc;
    private final IssuerKeys keys;
    private final PlatformUrls urls;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    StatusLists(JdbcClient jdbc, IssuerKeys keys, PlatformUrls urls, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.urls = urls;
        this.clock = clock;
    }

    /** A list slot held by a credential. */
    record Slot(UUID listId, StatusEntry entry) {}

    /** Draws a random free index in the organization's current list for {@code purpose} and holds it. */
    @Transactional
    Slot allocate(OrganizationId organization, String slug, StatusPurpose purpose, UUID credential) {
        UUID list = currentList(organization, purpose);
        int number = jdbc.sql("select list_number from status_list where id = ?")
                .param(list)
                .query(Integer.class)
                .single();
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            int index = random.nextInt(LIST_SIZE);
            int held = jdbc.sql("insert into status_allocation (status_list_id, status_index, credential_id)"
                            + " values (?, ?, ?) on conflict do nothing")
                    .params(list, index, credential)
                    .update();
            if (held == 1) {
                return new Slot(list, new StatusEntry(url(slug, purpose, number), purpose, index));
            }
        }
        throw new IllegalStateException("Status list " + list + " is too full to draw a free index");
    }

    /** Records that a status changed, so the next fetch of the list publishes a fresh copy. */
    void touch(UUID list) {
        jdbc.sql("update status_list set version = version + 1 where id = ?")
                .param(list)
                .update();
    }

    /** The signed list credential, re-signed only when a status in it changed since the last publication. */
    @Transactional
    public Optional<String> published(OrganizationId organization, String slug, StatusPurpose purpose, int number) {
        record ListRow(UUID id, long version, Long publishedVersion, String document) {}
        Optional<ListRow> row = jdbc.sql("select id, version, published_version, published_document from status_list"
                        + " where organization_id = ? and purpose = ? and list_number = ?")
                .params(organization.value(), purpose.value(), number)
                .query((rs, n) -> new ListRow(
                        rs.getObject(1, UUID.class),
                        rs.getLong(2),
                        (Long) rs.getObject(3, Long.class),
                        rs.getString(4)))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        ListRow list = row.get();
        if (list.publishedVersion() != null && list.publishedVersion() == list.version() && list.document() != null) {
            return Optional.of(list.document());
        }
        String status = purpose == StatusPurpose.REVOCATION ? "REVOKED" : "SUSPENDED";
        BitstringStatusList bits = BitstringStatusList.ofLength(LIST_SIZE);
        jdbc.sql("select status_index from issued_credential where status_list_id = ? and status = ?")
                .params(list.id(), status)
                .query(Integer.class)
                .list()
                .forEach(index -> bits.set(index, true));
        Instant now = clock.instant();
        IssuerKeys.SigningKey key = keys.signingKey(organization, slug);
        JsonObject unsigned = StatusListCredentials.unsigned(
                url(slug, purpose, number), keys.did(slug).value(), purpose, bits, now, Optional.empty());
        String document = StrictJson.write(
                EddsaRdfc2022.sign(unsigned, key.keyPair(), ProofOptions.assertion(key.verificationMethod(), now)));
        jdbc.sql("update status_list set published_version = ?, published_document = ? where id = ?")
                .params(list.version(), document, list.id())
                .update();
        return Optional.of(document);
    }

    URI url(String slug, StatusPurpose purpose, int number) {
        return URI.create(urls.base() + "/orgs/" + slug + "/status/" + purpose.value() + "/" + number);
    }

    private UUID currentList(OrganizationId organization, StatusPurpose purpose) {
        jdbc.sql("insert into status_list (id, organization_id, purpose, list_number, size, created_at)"
                        + " values (?, ?, ?, 1, ?, ?) on conflict do nothing")
                .params(
                        UUID.randomUUID(),
                        organization.value(),
                        purpose.value(),
                        LIST_SIZE,
                        Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("select id from status_list where organization_id = ? and purpose = ?"
                        + " order by list_number desc limit 1")
                .params(organization.value(), purpose.value())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> PlatformException.notFound("The status list"));
    }
}
