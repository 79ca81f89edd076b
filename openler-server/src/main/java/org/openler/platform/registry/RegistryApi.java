package org.openler.platform.registry;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry's JSON API. Public: a credential's CTDL JSON-LD at its stable URL (and every earlier version), search
 * with facets, and how far this instance's index follows the database. For a provider's staff and machine clients:
 * entries (create a draft, edit it, publish, withdraw) and import of CTDL JSON-LD.
 */
@RestController
class RegistryApi {

    static final String LD_JSON = "application/ld+json";

    private final OrganizationService organizations;
    private final RegistryEntries entries;
    private final RegistrySearch search;

    RegistryApi(OrganizationService organizations, RegistryEntries entries, RegistrySearch search) {
        this.organizations = organizations;
        this.entries = entries;
        this.search = search;
    }

    /** The credential's current CTDL JSON-LD, exactly as published; 410 once withdrawn. */
    @GetMapping(
            value = "/registry/resources/{ctid}",
            produces = {LD_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Access(Audience.PUBLIC)
    ResponseEntity<String> resource(@PathVariable String ctid) {
        Ctid id = ctid(ctid);
        PublishedCredential published = entries.findPublished(id)
                .orElseThrow(() -> entries.isWithdrawn(id)
                        ? new PlatformException(Problem.GONE, "This credential was withdrawn from the registry.")
                        : PlatformException.notFound("The credential"));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .header("Link", "<" + published.url() + "/versions>; rel=\"version-history\"")
                .contentType(MediaType.parseMediaType(LD_JSON))
                .body(published.document());
    }

    /**
     * The same JSON-LD for a link on the credential's page: a browser following it asks for HTML, and content
     * negotiation answered the page again; {@code ?format=jsonld} answers JSON-LD whatever the browser accepts.
     */
    @GetMapping(value = "/registry/resources/{ctid}", params = "format=jsonld")
    @Access(Audience.PUBLIC)
    ResponseEntity<String> resourceAsJsonLd(@PathVariable String ctid) {
        return resource(ctid);
    }

    record VersionView(int version, Instant publishedAt, String url) {}

    @GetMapping("/registry/resources/{ctid}/versions")
    @Access(Audience.PUBLIC)
    List<VersionView> versions(@PathVariable String ctid) {
        Ctid id = ctid(ctid);
        List<RegistryEntries.Version> history = entries.history(id);
        if (history.isEmpty()) {
            throw PlatformException.notFound("The credential");
        }
        return history.stream()
                .map(v -> new VersionView(
                        v.number(), v.publishedAt(), entries.resourceUrl(id) + "/versions/" + v.number()))
                .toList();
    }

    /** One published version, kept for ever (withdrawal included): what a record pointed at when it pointed. */
    @GetMapping("/registry/resources/{ctid}/versions/{number}")
    @Access(Audience.PUBLIC)
    ResponseEntity<String> version(@PathVariable String ctid, @PathVariable int number) {
        String document =
                entries.version(ctid(ctid), number).orElseThrow(() -> PlatformException.notFound("That version"));
        return ResponseEntity.ok()
                .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(1)).cachePublic().immutable())
                .contentType(MediaType.parseMediaType(LD_JSON))
                .body(document);
    }

    /**
     * Facet values are read as sent, one per parameter: Spring's list binding would split "Montgomery, AL" on its
     * comma into two values that match nothing.
     */
    @GetMapping("/api/v1/registry/search")
    @Access(Audience.PUBLIC)
    RegistryResults searchCredentials(
            @RequestParam(defaultValue = "") String q,
            @RequestParam MultiValueMap<String, String> params,
            @RequestParam(defaultValue = "") String cost,
            @RequestParam(defaultValue = "") String duration,
            @RequestParam(defaultValue = "0") String offset,
            @RequestParam(defaultValue = "20") String limit) {
        return search.search(RegistrySearch.Request.of(
                        q,
                        values(params, "type"),
                        values(params, "competency"),
                        values(params, "occupation"),
                        values(params, "delivery"),
                        values(params, "provider"),
                        values(params, "location"),
                        cost,
                        duration,
                        offset,
                        limit)
                .query());
    }

    private static List<String> values(MultiValueMap<String, String> params, String name) {
        List<String> given = params.get(name);
        return given == null ? List.of() : List.copyOf(given);
    }

    @GetMapping("/api/v1/registry/index")
    @Access(Audience.PUBLIC)
    IndexFollower.Status indexStatus() {
        return search.status();
    }

    record EntryView(
            String ctid,
            String status,
            int publishedVersion,
            boolean draftChanged,
            boolean imported,
            String url,
            Instant updatedAt,
            CredentialFields draft) {
        static EntryView of(RegistryEntry entry, URI url) {
            return new EntryView(
                    entry.ctid().value(),
                    entry.status().name(),
                    entry.publishedVersion(),
                    entry.draftChanged(),
                    entry.imported(),
                    url.toString(),
                    entry.updatedAt(),
                    CredentialFields.of(entry.draft(), entry.version()));
        }
    }

    @GetMapping("/api/v1/orgs/{org}/registry/entries")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_REGISTRY, machineClients = true)
    List<EntryView> list(@PathVariable String org) {
        Organization organization = organizations.get(org);
        return entries.list(organization.id()).stream()
                .map(e -> EntryView.of(e, entries.resourceUrl(e.ctid())))
                .toList();
    }

    @PostMapping("/api/v1/orgs/{org}/registry/entries")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.PUBLISH_REGISTRY, machineClients = true)
    ResponseEntity<EntryView> create(@PathVariable String org, @RequestBody CredentialFields request) {
        Organization organization = organizations.get(org);
        RegistryEntry entry = entries.createDraft(organization.id(), org, request.read(), Actors.current());
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + org + "/registry/entries/" + entry.ctid()))
                .body(EntryView.of(entry, entries.resourceUrl(entry.ctid())));
    }

    @GetMapping("/api/v1/orgs/{org}/registry/entries/{ctid}")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_REGISTRY, machineClients = true)
    EntryView entry(@PathVariable String org, @PathVariable String ctid) {
        Organization organization = organizations.get(org);
        Ctid id = ctid(ctid);
        return EntryView.of(entries.get(organization.id(), id), entries.resourceUrl(id));
    }

    /** Replaces the draft; {@code version} in the body, when given, must be the entry's current version. */
    @PutMapping("/api/v1/orgs/{org}/registry/entries/{ctid}")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.PUBLISH_REGISTRY, machineClients = true)
    EntryView update(@PathVariable String org, @PathVariable String ctid, @RequestBody CredentialFields request) {
        Organization organization = organizations.get(org);
        Ctid id = ctid(ctid);
        entries.get(organization.id(), id);
        RegistryEntry entry = entries.updateDraft(
                organization.id(), org, id, request.read(), Optional.ofNullable(request.version()), Actors.current());
        return EntryView.of(entry, entries.resourceUrl(id));
    }

    /** The draft's CTDL JSON-LD, as it would be published (not yet validated). */
    @GetMapping("/api/v1/orgs/{org}/registry/entries/{ctid}/draft")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_REGISTRY, machineClients = true)
    ResponseEntity<String> draft(@PathVariable String org, @PathVariable String ctid) {
        Organization organization = organizations.get(org);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(LD_JSON))
                .body(entries.draftDocument(organization.id(), ctid(ctid)));
    }

    @PostMapping("/api/v1/orgs/{org}/registry/entries/{ctid}/publish")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.PUBLISH_REGISTRY, machineClients = true)
    EntryView publish(@PathVariable String org, @PathVariable String ctid) {
        Organization organization = organizations.get(org);
        Ctid id = ctid(ctid);
        return EntryView.of(entries.publish(organization.id(), id, Actors.current()), entries.resourceUrl(id));
    }

    @PostMapping("/api/v1/orgs/{org}/registry/entries/{ctid}/withdraw")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.PUBLISH_REGISTRY, machineClients = true)
    EntryView withdraw(@PathVariable String org, @PathVariable String ctid) {
        Organization organization = organizations.get(org);
        Ctid id = ctid(ctid);
        return EntryView.of(entries.withdraw(organization.id(), id, Actors.current()), entries.resourceUrl(id));
    }

    /**
     * Imports CTDL JSON-LD (one credential, an array, or a {@code @graph} document): 201 with what was stored, or
     * 422 with every schema error and nothing stored.
     */
    @PostMapping(
            value = "/api/v1/orgs/{org}/registry/import",
            consumes = {MediaType.APPLICATION_JSON_VALUE, LD_JSON})
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.PUBLISH_REGISTRY, machineClients = true)
    ResponseEntity<List<RegistryEntries.Imported>> importCtdl(
            @PathVariable String org, @RequestBody @Nullable String body) {
        Organization organization = organizations.get(org);
        if (body == null || body.isBlank()) {
            throw PlatformException.invalid("body", "Give CTDL JSON-LD.");
        }
        return ResponseEntity.status(201)
                .body(entries.importDocuments(
                        organization.id(), organization.slug(), RegistryEntries.parse(body), Actors.current()));
    }

    /** A CTID from a path: anything that is not one names nothing here. */
    static Ctid ctid(String value) {
        return Ctid.parse(value).orElseThrow(() -> PlatformException.notFound("The credential"));
    }
}
