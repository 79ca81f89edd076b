package org.openler.platform.registry;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.transparency.LogEvent;
import org.openler.platform.transparency.TransparencyLog;
import org.openler.standards.transparency.MerkleHash;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A provider's registry entries: drafts, publication (validated against the CTDL schema, each publication a new
 * version kept for ever), withdrawal, and import of CTDL JSON-LD from elsewhere. Every publish and withdrawal writes
 * a row of the change sequence in the same transaction, which every instance's search index follows. The public face
 * of the registry for other features is {@link #findPublished(Ctid)}.
 */
@Service
public class RegistryEntries {

    /** Most credentials one import may carry: a graph larger than this is refused before anything is stored. */
    static final int MAX_IMPORT = 100;

    private final JdbcClient jdbc;
    private final CtdlSchemas schemas;
    private final PlatformUrls urls;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransparencyLog transparencyLog;
    private final AuditLog audit;

    RegistryEntries(
            JdbcClient jdbc,
            CtdlSchemas schemas,
            PlatformUrls urls,
            Clock clock,
            ApplicationEventPublisher events,
            TransparencyLog transparencyLog,
            AuditLog audit) {
        this.audit = audit;
        this.transparencyLog = transparencyLog;
        this.jdbc = jdbc;
        this.schemas = schemas;
        this.urls = urls;
        this.clock = clock;
        this.events = events;
    }

    /** Where a CTID's current CTDL JSON-LD is published. */
    public URI resourceUrl(Ctid ctid) {
        return URI.create(urls.base() + "/registry/resources/" + ctid.value());
    }

    URI providerUrl(String organizationSlug) {
        return URI.create(urls.base() + "/orgs/" + organizationSlug);
    }

    @Transactional
    public RegistryEntry createDraft(
            OrganizationId organization, String organizationSlug, CredentialOfValue credential, Actor by) {
        check(credential);
        Ctid ctid = Ctid.random();
        ObjectNode doc = Ctdl.toJsonLd(ctid, resourceUrl(ctid), providerUrl(organizationSlug), credential);
        Instant now = clock.instant();
        jdbc.sql(
                        "insert into registry_entry (entry_ctid, organization_id, status, draft, draft_changed, published_version,"
                                + " name, credential_type, imported, created_at, updated_at) values"
                                + " (?, ?, 'DRAFT', ?, true, 0, ?, ?, false, ?, ?)")
                .params(
                        ctid.value(),
                        organization.value(),
                        Ctdl.write(doc),
                        credential.name(),
                        credential.type(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        return get(organization, ctid);
    }

    /**
     * Replaces the draft. A published entry stays published as it was until the draft is published; {@code
     * expectedVersion}, when given, must be the entry's current version (two editors do not overwrite each other).
     */
    @Transactional
    public RegistryEntry updateDraft(
            OrganizationId organization,
            String organizationSlug,
            Ctid ctid,
            CredentialOfValue credential,
            Optional<Integer> expectedVersion,
            Actor by) {
        check(credential);
        RegistryEntry entry = get(organization, ctid);
        int version = expectedVersion.orElse(entry.version());
        ObjectNode doc = Ctdl.toJsonLd(ctid, resourceUrl(ctid), providerUrl(organizationSlug), credential);
        int updated = jdbc.sql(
                        "update registry_entry set draft = ?, draft_changed = true, name = ?, credential_type = ?,"
                                + " updated_at = ?, version = version + 1 where entry_ctid = ? and organization_id = ? and version = ?")
                .params(
                        Ctdl.write(doc),
                        credential.name(),
                        credential.type(),
                        Timestamp.from(clock.instant()),
                        ctid.value(),
                        organization.value(),
                        version)
                .update();
        if (updated != 1) {
            throw PlatformException.conflict("The entry was changed by someone else; reload it and try again.");
        }
        return get(organization, ctid);
    }

    /**
     * Publishes the draft as the next version, after validating it against the CTDL schema its type selects. A
     * withdrawn entry published again comes back with a new version.
     */
    @Transactional
    public RegistryEntry publish(OrganizationId organization, Ctid ctid, Actor by) {
        RegistryEntry entry = lockedEntry(organization, ctid);
        if (entry.status() == RegistryEntry.Status.PUBLISHED && !entry.draftChanged()) {
            return entry;
        }
        String draft = jdbc.sql("select draft from registry_entry where entry_ctid = ?")
                .param(ctid.value())
                .query(String.class)
                .single();
        JsonNode doc = Ctdl.read(draft);
        CtdlSchemas.Outcome outcome = schemas.validate(doc);
        if (!outcome.valid()) {
            throw invalidCtdl(outcome);
        }
        publishVersion(ctid, entry.publishedVersion() + 1, draft, by);
        audit.record(AuditEvent.success(AuditAction.REGISTRY_PUBLISHED, by, organization, "registry:" + ctid.value()));
        return get(organization, ctid);
    }

    @Transactional
    public RegistryEntry withdraw(OrganizationId organization, Ctid ctid, Actor by) {
        RegistryEntry entry = lockedEntry(organization, ctid);
        if (entry.status() != RegistryEntry.Status.PUBLISHED) {
            throw PlatformException.conflict("Only a published credential can be withdrawn.");
        }
        Instant now = clock.instant();
        jdbc.sql(
                        "update registry_entry set status = 'WITHDRAWN', updated_at = ?, version = version + 1 where entry_ctid = ?")
                .params(Timestamp.from(now), ctid.value())
                .update();
        transparencyLog.append(new LogEvent.RegistryChanged(ctid.value(), entry.publishedVersion(), Optional.empty()));
        change(ctid, now);
        audit.record(AuditEvent.success(AuditAction.REGISTRY_WITHDRAWN, by, organization, "registry:" + ctid.value()));
        return get(organization, ctid);
    }

    /** One version of the history. */
    public record Version(int number, Instant publishedAt) {}

    /** What an import stored: each credential's CTID, whether it was new, and what was normalised on the way. */
    public record Imported(String ctid, boolean created, int version, List<String> normalised) {}

    /**
     * Imports CTDL JSON-LD from elsewhere: one credential resource, an array of them, or a {@code @graph} document.
     * Older shapes are normalised ({@link Ctdl#normalise}); every credential must then validate against the CTDL
     * schema, or nothing at all is stored. Each is published under its own CTID, exactly as normalised; a CTID that
     * another organization already owns is refused, and so is a credential whose {@code ceterms:ownedBy} names
     * another agent than the importing organization: only a credential's owner publishes it (Demo University once
     * republished Capella's entry by importing Credential Engine's record of it). A credential that names no
     * owner is the importer's, and says so.
     */
    @Transactional
    public List<Imported> importDocuments(
            OrganizationId organization, String organizationSlug, JsonNode body, Actor by) {
        String provider = providerUrl(organizationSlug).toString();
        // schema errors first (422 with every reason), then ownership (403): a document both invalid and another's
        // is told what is wrong with it
        Optional<String> notOwned = Optional.empty();
        List<ObjectNode> resources = resources(body);
        List<PlatformException.FieldError> errors = new ArrayList<>();
        List<ObjectNode> normalised = new ArrayList<>();
        List<List<String>> changes = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            List<Ctdl.Normalisation> made = new ArrayList<>();
            ObjectNode doc = Ctdl.normalise(resources.get(i), made);
            String field = "resources[" + i + "]";
            String type = doc.path("@type").isString() ? doc.get("@type").asString() : "";
            if (!schemas.schemaFor(type).filter("credential"::equals).isPresent()) {
                errors.add(new PlatformException.FieldError(
                        field + ".@type", "Not a CTDL credential type: the registry imports credentials."));
                continue;
            }
            Optional<Ctid> ctid = Ctid.parse(Ctdl.text(doc.path("ceterms:ctid")));
            if (ctid.isEmpty()) {
                errors.add(new PlatformException.FieldError(
                        field + ".ceterms:ctid", "Give the credential's CTID (ce- and a UUID)."));
                continue;
            }
            if (!doc.has("@id")) {
                doc.put("@id", resourceUrl(ctid.get()).toString());
            }
            List<String> owners = Ctdl.references(doc.path("ceterms:ownedBy"));
            if (owners.isEmpty()) {
                doc.putArray("ceterms:ownedBy").add(provider);
                made.add(new Ctdl.Normalisation("ceterms:ownedBy set to the importing organization"));
            } else if (!owners.contains(provider) && notOwned.isEmpty()) {
                notOwned = Optional.of("The credential " + ctid.get() + " is owned by " + owners.getFirst()
                        + ": only its owner may publish it. Import credentials your organization owns ("
                        + provider + ").");
            }
            CtdlSchemas.Outcome outcome = schemas.validate(doc);
            outcome.errors().forEach(e -> errors.add(new PlatformException.FieldError(field, e)));
            normalised.add(doc);
            changes.add(made.stream().map(Ctdl.Normalisation::what).distinct().toList());
        }
        if (!errors.isEmpty()) {
            throw new PlatformException(
                    Problem.UNPROCESSABLE,
                    "The CTDL does not validate against the registry's schema (after normalising older shapes);"
                            + " nothing was imported.",
                    errors.stream().limit(100).toList());
        }
        if (notOwned.isPresent()) {
            throw new PlatformException(Problem.FORBIDDEN, notOwned.get());
        }
        List<Imported> imported = new ArrayList<>();
        for (int i = 0; i < normalised.size(); i++) {
            imported.add(importOne(organization, normalised.get(i), changes.get(i), by));
        }
        return imported;
    }

    private Imported importOne(OrganizationId organization, ObjectNode doc, List<String> normalised, Actor by) {
        Ctid ctid = Ctid.parse(Ctdl.text(doc.path("ceterms:ctid"))).orElseThrow();
        CredentialOfValue credential = Ctdl.fromJsonLd(doc);
        String text = Ctdl.write(doc);
        Optional<OrganizationId> owner = jdbc.sql(
                        "select organization_id from registry_entry where entry_ctid = ? for update")
                .param(ctid.value())
                .query((rs, row) -> new OrganizationId(rs.getObject(1, UUID.class)))
                .optional();
        if (owner.isPresent() && !owner.get().equals(organization)) {
            throw PlatformException.conflict("The CTID " + ctid + " belongs to another organization's entry.");
        }
        Instant now = clock.instant();
        String name = cut(credential.name().isBlank() ? ctid.value() : credential.name(), 300);
        if (owner.isEmpty()) {
            jdbc.sql("insert into registry_entry (entry_ctid, organization_id, status, draft, draft_changed,"
                            + " published_version, name, credential_type, imported, created_at, updated_at) values"
                            + " (?, ?, 'DRAFT', ?, false, 0, ?, ?, true, ?, ?)")
                    .params(
                            ctid.value(),
                            organization.value(),
                            text,
                            name,
                            cut(credential.type(), 60),
                            Timestamp.from(now),
                            Timestamp.from(now))
                    .update();
        } else {
            jdbc.sql(
                            "update registry_entry set draft = ?, name = ?, credential_type = ?, imported = true where entry_ctid = ?")
                    .params(text, name, cut(credential.type(), 60), ctid.value())
                    .update();
        }
        int number = jdbc.sql("select published_version from registry_entry where entry_ctid = ?")
                        .param(ctid.value())
                        .query(Integer.class)
                        .single()
                + 1;
        publishVersion(ctid, number, text, by);
        return new Imported(ctid.value(), owner.isEmpty(), number, normalised);
    }

    private void publishVersion(Ctid ctid, int number, String document, Actor by) {
        Instant now = clock.instant();
        jdbc.sql("insert into registry_version (entry_ctid, version_number, document, published_at, published_by)"
                        + " values (?, ?, ?, ?, ?)")
                .params(ctid.value(), number, document, Timestamp.from(now), cut(by.auditName(), 80))
                .update();
        jdbc.sql("update registry_entry set status = 'PUBLISHED', published_version = ?, draft_changed = false,"
                        + " updated_at = ?, version = version + 1 where entry_ctid = ?")
                .params(number, Timestamp.from(now), ctid.value())
                .update();
        transparencyLog.append(new LogEvent.RegistryChanged(
                ctid.value(), number, Optional.of(MerkleHash.sha256(document.getBytes(StandardCharsets.UTF_8)))));
        change(ctid, now);
    }

    private void change(Ctid ctid, Instant at) {
        jdbc.sql("insert into registry_change (entry_ctid, changed_at) values (?, ?)")
                .params(ctid.value(), Timestamp.from(at))
                .update();
        events.publishEvent(new RegistryChanged(ctid));
    }

    public List<RegistryEntry> list(OrganizationId organization) {
        return jdbc.sql("select * from registry_entry where organization_id = ? order by updated_at desc")
                .param(organization.value())
                .query(RegistryEntries::map)
                .list();
    }

    public Optional<RegistryEntry> find(OrganizationId organization, Ctid ctid) {
        return jdbc.sql("select * from registry_entry where organization_id = ? and entry_ctid = ?")
                .params(organization.value(), ctid.value())
                .query(RegistryEntries::map)
                .optional();
    }

    public RegistryEntry get(OrganizationId organization, Ctid ctid) {
        return find(organization, ctid).orElseThrow(() -> PlatformException.notFound("The registry entry"));
    }

    /** The draft's CTDL JSON-LD (not validated until it is published). */
    public String draftDocument(OrganizationId organization, Ctid ctid) {
        return jdbc.sql("select draft from registry_entry where organization_id = ? and entry_ctid = ?")
                .params(organization.value(), ctid.value())
                .query(String.class)
                .optional()
                .orElseThrow(() -> PlatformException.notFound("The registry entry"));
    }

    /** The credential as published now; empty when it was never published, or was withdrawn. */
    public Optional<PublishedCredential> findPublished(Ctid ctid) {
        return jdbc.sql("select e.organization_id, v.version_number, v.document, v.published_at from registry_entry e"
                        + " join registry_version v on v.entry_ctid = e.entry_ctid and v.version_number = e.published_version"
                        + " where e.entry_ctid = ? and e.status = 'PUBLISHED'")
                .param(ctid.value())
                .query((rs, row) -> published(ctid, rs))
                .optional();
    }

    /** Whether the CTID names an entry that was published and then withdrawn (its URL answers 410 Gone). */
    public boolean isWithdrawn(Ctid ctid) {
        return jdbc.sql("select count(*) from registry_entry where entry_ctid = ? and status = 'WITHDRAWN'")
                        .param(ctid.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The published versions, newest first; empty for a CTID never published. Withdrawal keeps the history. */
    public List<Version> history(Ctid ctid) {
        return jdbc.sql("select version_number, published_at from registry_version where entry_ctid = ?"
                        + " order by version_number desc")
                .param(ctid.value())
                .query((rs, row) -> new Version(rs.getInt(1), rs.getTimestamp(2).toInstant()))
                .list();
    }

    /** One published version's document, exactly as it was served. */
    public Optional<String> version(Ctid ctid, int number) {
        return jdbc.sql("select document from registry_version where entry_ctid = ? and version_number = ?")
                .params(ctid.value(), number)
                .query(String.class)
                .optional();
    }

    private PublishedCredential published(Ctid ctid, ResultSet rs) throws SQLException {
        String document = rs.getString("document");
        return new PublishedCredential(
                ctid,
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                rs.getInt("version_number"),
                resourceUrl(ctid),
                document,
                Ctdl.fromJsonLd(Ctdl.read(document)),
                rs.getTimestamp("published_at").toInstant());
    }

    private RegistryEntry lockedEntry(OrganizationId organization, Ctid ctid) {
        return jdbc.sql("select * from registry_entry where organization_id = ? and entry_ctid = ? for update")
                .params(organization.value(), ctid.value())
                .query(RegistryEntries::map)
                .optional()
                .orElseThrow(() -> PlatformException.notFound("The registry entry"));
    }

    private static PlatformException invalidCtdl(CtdlSchemas.Outcome outcome) {
        return new PlatformException(
                Problem.UNPROCESSABLE,
                "The credential's CTDL does not validate against the registry's " + outcome.schema() + " schema.",
                outcome.errors().stream()
                        .map(e -> new PlatformException.FieldError("ctdl", e))
                        .toList());
    }

    /** What a provider must give for a draft; the schema checks the rest at publication. */
    static void check(CredentialOfValue c) {
        List<PlatformException.FieldError> errors = problems(c);
        if (!errors.isEmpty()) {
            throw new PlatformException(Problem.INVALID_INPUT, "Some fields are not valid.", errors);
        }
    }

    /** Every mistake in a draft's fields, so one round trip shows them all. */
    static List<PlatformException.FieldError> problems(CredentialOfValue c) {
        List<PlatformException.FieldError> errors = new ArrayList<>();
        if (!CredentialOfValue.TYPES.contains(c.type())) {
            errors.add(new PlatformException.FieldError("type", "Choose a CTDL credential type."));
        }
        if (c.name().isBlank() || c.name().length() > 300) {
            errors.add(new PlatformException.FieldError("name", "Required, up to 300 characters."));
        }
        if (c.description().isBlank() || c.description().length() > 4000) {
            errors.add(new PlatformException.FieldError("description", "Required, up to 4,000 characters."));
        }
        if (c.requirements().length() > 4000) {
            errors.add(new PlatformException.FieldError("requirements", "Up to 4,000 characters."));
        }
        if (c.teaches().size() + c.requires().size() > 200) {
            errors.add(new PlatformException.FieldError("competencies", "At most 200 competencies."));
        }
        if (c.occupations().size() > 100) {
            errors.add(new PlatformException.FieldError("occupations", "At most 100 occupations."));
        }
        if (c.places().size() > 50) {
            errors.add(new PlatformException.FieldError("places", "At most 50 places."));
        }
        if (c.keywords().size() > 50 || c.keywords().stream().anyMatch(k -> k.length() > 100)) {
            errors.add(new PlatformException.FieldError("keywords", "At most 50 keywords of 100 characters."));
        }
        c.cost().ifPresent(cost -> {
            if (cost.price().compareTo(new BigDecimal("100000000")) > 0) {
                errors.add(new PlatformException.FieldError("cost", "At most 100,000,000."));
            }
        });
        if (Stream.of(c.teaches(), c.requires(), c.occupations())
                .flatMap(List::stream)
                .anyMatch(a -> a.label().length() > 300
                        || !Set.of("http", "https").contains(a.uri().getScheme()))) {
            errors.add(new PlatformException.FieldError(
                    "competencies", "Give each competency and occupation as an http(s) URI with a short name."));
        }
        return errors;
    }

    private static List<ObjectNode> resources(JsonNode body) {
        List<JsonNode> candidates = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(candidates::add);
        } else if (body.isObject() && body.path("@graph").isArray()) {
            body.get("@graph").forEach(candidates::add);
        } else if (body.isObject()) {
            candidates.add(body);
        }
        if (candidates.isEmpty()) {
            throw PlatformException.invalid("body", "Give a CTDL credential, an array of them, or a @graph document.");
        }
        if (candidates.size() > MAX_IMPORT) {
            throw PlatformException.invalid("body", "At most " + MAX_IMPORT + " resources in one import.");
        }
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode candidate : candidates) {
            if (!candidate.isObject()) {
                throw PlatformException.invalid("body", "Each resource is a JSON object.");
            }
            resources.add((ObjectNode) candidate);
        }
        return resources;
    }

    /** Reads a request body as JSON, refusing what is not JSON with a clear problem. */
    static JsonNode parse(String body) {
        try {
            return Ctdl.read(body);
        } catch (JacksonException e) {
            throw new PlatformException(Problem.MALFORMED_REQUEST, "The body is not JSON.");
        }
    }

    private static RegistryEntry map(ResultSet rs, int row) throws SQLException {
        return new RegistryEntry(
                new Ctid(rs.getString("entry_ctid")),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                RegistryEntry.Status.valueOf(rs.getString("status")),
                Ctdl.fromJsonLd(Ctdl.read(rs.getString("draft"))),
                rs.getBoolean("draft_changed"),
                rs.getInt("published_version"),
                rs.getBoolean("imported"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
