package org.openler.platform.articulation;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A college's articulation API: rules written, replaced, withdrawn, listed; imported and exported as CSV and as CTDL
 * {@code ceterms:TransferValueProfile}; and the credit request queue (verify, approve, decline). Staff of the
 * provider organization and its machine clients; employers hold no articulation powers.
 */
@RestController
class ArticulationApi {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    private final OrganizationService organizations;
    private final ArticulationRules rules;
    private final CreditRequests requests;
    private final RuleCsv csv;
    private final TransferValueProfiles ctdl;
    private final CreditTranscripts transcripts;

    ArticulationApi(
            OrganizationService organizations,
            ArticulationRules rules,
            CreditRequests requests,
            RuleCsv csv,
            TransferValueProfiles ctdl,
            CreditTranscripts transcripts) {
        this.organizations = organizations;
        this.rules = rules;
        this.requests = requests;
        this.csv = csv;
        this.ctdl = ctdl;
        this.transcripts = transcripts;
    }

    @PostMapping(value = "/orgs/{org}/articulation/rules", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_ARTICULATION, machineClients = true)
    ResponseEntity<JsonNode> create(@PathVariable String org, @RequestBody JsonNode body) {
        ArticulationRule rule = rules.create(organizations.get(org), RuleDraft.read(body));
        return ResponseEntity.created(URI.create("/orgs/" + org + "/articulation/rules/" + rule.id()))
                .body(RuleDraft.document(rule));
    }

    @PutMapping(value = "/orgs/{org}/articulation/rules/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_ARTICULATION, machineClients = true)
    JsonNode update(@PathVariable String org, @PathVariable String id, @RequestBody JsonNode body) {
        return RuleDraft.document(rules.update(organizations.get(org), uuid(id, "The rule"), RuleDraft.read(body)));
    }

    @PostMapping(value = "/orgs/{org}/articulation/rules/{id}/withdraw", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_ARTICULATION, machineClients = true)
    JsonNode withdraw(@PathVariable String org, @PathVariable String id) {
        return RuleDraft.document(rules.withdraw(organizations.get(org), uuid(id, "The rule")));
    }

    @GetMapping(value = "/orgs/{org}/articulation/rules", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_ARTICULATION, machineClients = true)
    List<JsonNode> list(@PathVariable String org) {
        return rules.list(organizations.get(org).id()).stream()
                .map(r -> (JsonNode) RuleDraft.document(r))
                .toList();
    }

    @GetMapping(value = "/orgs/{org}/articulation/rules/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_ARTICULATION, machineClients = true)
    JsonNode rule(@PathVariable String org, @PathVariable String id) {
        return RuleDraft.document(rules.get(organizations.get(org), uuid(id, "The rule")));
    }

    /** Every rule as a registrar's CSV (the columns {@link RuleCsv#COLUMNS}). */
    @GetMapping("/orgs/{org}/articulation/export.csv")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_ARTICULATION, machineClients = true)
    ResponseEntity<String> exportCsv(@PathVariable String org) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"articulation-rules.csv\"")
                .body(csv.write(rules.list(organizations.get(org).id())));
    }

    /** Every rule as CTDL JSON-LD: a graph of {@code ceterms:TransferValueProfile}. */
    @GetMapping(
            value = "/orgs/{org}/articulation/export.jsonld",
            produces = {"application/ld+json", MediaType.APPLICATION_JSON_VALUE})
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_ARTICULATION, machineClients = true)
    JsonNode exportCtdl(@PathVariable String org) {
        return ctdl.graph(rules.list(organizations.get(org).id()));
    }

    /**
     * Imports rules: a registrar's CSV ({@code text/csv}) or CTDL JSON-LD ({@code application/ld+json} or JSON). Each
     * row or profile is one rule, created (or replaced, when it names the id of one of the college's rules); the answer
     * lists every row that was refused, with its number and why, and the rest are saved.
     */
    @PostMapping(value = "/orgs/{org}/articulation/import", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_ARTICULATION, machineClients = true)
    RuleImport.Report importRules(@PathVariable String org, HttpServletRequest request) {
        Organization college = organizations.get(org);
        String type = Optional.ofNullable(request.getContentType()).orElse("").toLowerCase(Locale.ROOT);
        byte[] body = body(request);
        if (type.startsWith("text/csv")) {
            return csv.importRows(college, body);
        }
        if (type.startsWith("application/ld+json") || type.startsWith("application/json")) {
            return ctdl.importGraph(college, body);
        }
        throw new PlatformException(
                Problem.UNSUPPORTED_MEDIA_TYPE, "Send text/csv (the registrar's CSV) or application/ld+json (CTDL).");
    }

    @GetMapping(value = "/orgs/{org}/articulation/requests", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_ARTICULATION, machineClients = true)
    List<CreditRequests.CreditRequest> queue(
            @PathVariable String org, @RequestParam(required = false) @Nullable String status) {
        return requests.queue(organizations.get(org).id(), status(status));
    }

    @PostMapping(value = "/orgs/{org}/articulation/requests/{id}/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_ARTICULATION, machineClients = true)
    CreditRequests.CreditRequest verify(@PathVariable String org, @PathVariable String id) {
        Organization college = organizations.get(org);
        requests.verifyAgain(college.id(), uuid(id, "The credit request"));
        return requests.inQueue(college.id(), uuid(id, "The credit request"));
    }

    @PostMapping(value = "/orgs/{org}/articulation/requests/{id}/approve", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_ARTICULATION, machineClients = true)
    CreditRequests.CreditRequest approve(@PathVariable String org, @PathVariable String id) {
        Organization college = organizations.get(org);
        requests.approve(college.id(), uuid(id, "The credit request"), Actors.current());
        return requests.inQueue(college.id(), uuid(id, "The credit request"));
    }

    record Decline(@Nullable String reason) {}

    @PostMapping(value = "/orgs/{org}/articulation/requests/{id}/decline", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_ARTICULATION, machineClients = true)
    CreditRequests.CreditRequest decline(
            @PathVariable String org, @PathVariable String id, @RequestBody(required = false) @Nullable Decline body) {
        Organization college = organizations.get(org);
        requests.decline(
                college.id(),
                uuid(id, "The credit request"),
                body == null || body.reason() == null ? "" : body.reason());
        return requests.inQueue(college.id(), uuid(id, "The credit request"));
    }

    /**
     * A CLR 2.0 transcript of everything the college awarded the learner of this request by articulation, signed by
     * the college and placed in the learner's wallet: 201, or 200 when those same awards were bundled before.
     */
    @PostMapping(
            value = "/orgs/{org}/articulation/requests/{id}/transcript",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_ARTICULATION, machineClients = true)
    ResponseEntity<String> transcript(@PathVariable String org, @PathVariable String id) {
        Organization college = organizations.get(org);
        AccountId learner = requests.learnerOf(college.id(), uuid(id, "The credit request"));
        return transcriptResponse(transcripts.issue(college, learner, Actors.current()));
    }

    static ResponseEntity<String> transcriptResponse(CreditTranscripts.Transcript transcript) {
        return ResponseEntity.status(transcript.replayed() ? 200 : 201)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"id\":\"" + transcript.id() + "\",\"courses\":" + transcript.courses()
                        + ",\"verifiableCredential\":" + transcript.document() + "}");
    }

    static Optional<CreditRequests.Status> status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CreditRequests.Status.valueOf(status.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid("status", "pending, approved or declined.");
        }
    }

    static UUID uuid(String text, String what) {
        try {
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // not an id: not found, like any unknown id
        }
        throw PlatformException.notFound(what);
    }

    static byte[] body(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new PlatformException(Problem.PAYLOAD_TOO_LARGE, "At most 2 MB at a time.");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
