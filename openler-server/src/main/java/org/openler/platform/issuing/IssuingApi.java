package org.openler.platform.issuing;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.issuers.Issuer;
import org.openler.platform.issuers.Issuers;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.status.CredentialId;
import org.openler.standards.json.StrictJson;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The issuer API in VC-API shapes (no {@code produces} on the mappings: the answer is JSON whatever the caller
 * accepts, and a browser asking for HTML is still told to sign in rather than 406): {@code POST /orgs/<org>/credentials/issue} answers 201
 * {@code {"verifiableCredential": …}} with the exact signed bytes, {@code POST /orgs/<org>/credentials/clr} bundles a learner's credentials in a CLR 2.0
 * {@code ClrCredential}, {@code POST /orgs/<org>/credentials/status} revokes, suspends or reinstates
 * ({@code "status": "revoked" | "suspended" | "active"}) in the status module.
 */
@RestController
class IssuingApi {

    private final OrganizationService organizations;
    private final Issuers issuers;
    private final Achievements achievements;
    private final Issuance issuance;
    private final IssuedCredentials issued;
    private final ClrIssuance clrIssuance;
    private final VcApiIssuance vcApi;
    private final ObjectProvider<JsonMapper> jsonMapper;

    IssuingApi(
            OrganizationService organizations,
            Issuers issuers,
            Achievements achievements,
            Issuance issuance,
            IssuedCredentials issued,
            ClrIssuance clrIssuance,
            VcApiIssuance vcApi,
            ObjectProvider<JsonMapper> jsonMapper) {
        this.organizations = organizations;
        this.issuers = issuers;
        this.achievements = achievements;
        this.issuance = issuance;
        this.issued = issued;
        this.clrIssuance = clrIssuance;
        this.vcApi = vcApi;
        this.jsonMapper = jsonMapper;
    }

    record AlignmentView(
            String targetUrl,
            String targetName,
            @Nullable String targetType,
            @Nullable String targetFramework,
            @Nullable String targetCode) {}

    record AchievementRequest(
            @Nullable String name,
            @Nullable String description,
            @Nullable String criteria,
            @Nullable String achievementType,
            @Nullable String image,
            @Nullable List<AlignmentView> alignments,
            @Nullable String registryCtid,
            @Nullable List<ResultDescriptionView> resultDescription) {}

    /**
     * An OB 3.0 ResultDescription as the API takes and gives it: {@code resultType} {@code RubricCriterionLevel} (its
     * {@code rubricCriterionLevel} names, lowest first), {@code LetterGrade} ({@code allowedValue}, A–F when none) or
     * {@code Percent}. Ids are minted when the achievement is created. The pass mark: {@code requiredValue} (a percent's
     * number, one of the letters) or {@code requiredLevel} (a rubric level: its name when the achievement is created,
     * as its id does not exist yet; its id in the answer). An achievement without a pass mark answers without them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ResultDescriptionView(
            @Nullable String id,
            @Nullable String name,
            @Nullable String resultType,
            @Nullable List<String> allowedValue,
            @Nullable List<RubricLevelView> rubricCriterionLevel,
            @Nullable String requiredValue,
            @Nullable String requiredLevel) {

        static ResultDescriptionView of(AchievementDefinition.ResultDescription d) {
            return new ResultDescriptionView(
                    d.id().toString(),
                    d.name(),
                    d.type().obName(),
                    d.allowedValue(),
                    d.levels().stream()
                            .map(l -> new RubricLevelView(l.id().toString(), l.name()))
                            .toList(),
                    d.requiredValue().orElse(null),
                    d.requiredLevel().map(URI::toString).orElse(null));
        }

        Achievements.ResultDraft draft() {
            List<String> values = rubricCriterionLevel != null && !rubricCriterionLevel.isEmpty()
                    ? rubricCriterionLevel.stream().map(l -> nz(l.name())).toList()
                    : allowedValue == null
                            ? List.of()
                            : allowedValue.stream().map(IssuingApi::nz).toList();
            return new Achievements.ResultDraft(
                    nz(resultType), nz(name), values, requiredLevel != null ? requiredLevel : nz(requiredValue));
        }
    }

    record RubricLevelView(@Nullable String id, @Nullable String name) {}

    /**
     * A result stated in an issue request (OB 3.0 Result): {@code resultDescription} (its id or name), and the
     * {@code value} or, for a rubric, {@code achievedLevel} (a level's id or name).
     */
    record ResultRequest(
            @Nullable String resultDescription,
            @Nullable String value,
            @Nullable String achievedLevel) {}

    record AchievementView(
            String id,
            String name,
            String description,
            String criteria,
            @Nullable String achievementType,
            @Nullable String image,
            List<AlignmentView> alignments,
            @Nullable String registryCtid,
            List<ResultDescriptionView> resultDescription) {
        static AchievementView of(AchievementDefinition a) {
            return new AchievementView(
                    a.id().toString(),
                    a.name(),
                    a.description(),
                    a.criteria(),
                    a.achievementType().orElse(null),
                    a.image().map(URI::toString).orElse(null),
                    a.alignments().stream()
                            .map(al -> new AlignmentView(
                                    al.targetUrl().toString(),
                                    al.targetName(),
                                    al.targetType().orElse(null),
                                    al.targetFramework().orElse(null),
                                    al.targetCode().orElse(null)))
                            .toList(),
                    a.registryCtid().orElse(null),
                    a.resultDescriptions().stream()
                            .map(ResultDescriptionView::of)
                            .toList());
        }
    }

    @PostMapping("/orgs/{org}/achievements")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.DEFINE_ACHIEVEMENTS, machineClients = true)
    ResponseEntity<AchievementView> createAchievement(
            @PathVariable String org, @RequestBody AchievementRequest request) {
        Organization organization = organizations.get(org);
        List<AchievementDefinition.Alignment> alignments = request.alignments() == null
                ? List.of()
                : request.alignments().stream()
                        .map(a -> new AchievementDefinition.Alignment(
                                Achievements.alignmentUri(String.valueOf(a.targetUrl()))
                                        .orElseThrow(() -> PlatformException.invalid(
                                                "alignments.targetUrl",
                                                "Give each competency as an http(s) address or a URN.")),
                                a.targetName() == null ? "" : a.targetName()))
                        .toList();
        AchievementDefinition created = achievements.create(
                organization.id(),
                new Achievements.Draft(
                        nz(request.name()),
                        nz(request.description()),
                        nz(request.criteria()),
                        nz(request.achievementType()),
                        nz(request.image()),
                        alignments,
                        nz(request.registryCtid()),
                        request.resultDescription() == null
                                ? List.of()
                                : request.resultDescription().stream()
                                        .map(ResultDescriptionView::draft)
                                        .toList()),
                Actors.current());
        return ResponseEntity.created(URI.create("/orgs/" + org + "/achievements/" + created.id()))
                .body(AchievementView.of(created));
    }

    @GetMapping("/orgs/{org}/achievements")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_ISSUED, machineClients = true)
    List<AchievementView> listAchievements(@PathVariable String org) {
        return achievements.list(organizations.get(org).id()).stream()
                .map(AchievementView::of)
                .toList();
    }

    record RecipientRequest(
            @Nullable String email, @Nullable String did) {}

    /** {@code didMethod}: {@code "web"} (default) or {@code "key"}: who the credential names as its issuer. */
    record IssueRequest(
            @Nullable String achievementId,
            @Nullable RecipientRequest recipient,
            @Nullable String validUntil,
            @Nullable String idempotencyKey,
            @Nullable String didMethod,
            @Nullable String format,
            IssueOptions.@Nullable Request options,
            @Nullable List<ResultRequest> results) {}

    /**
     * Two request shapes: the W3C VC-API {@code IssueCredentialRequest} ({@code {"credential": {…}, "options": {…}}},
     * the caller writes the credential) and OpenLER's own ({@code achievementId} and {@code recipient}, OpenLER writes
     * an OpenBadgeCredential). The body is read as bytes so the caller's credential is parsed strictly, with its numbers
     * and strings exactly as sent; OpenLER's shape then goes through the same strict Jackson binding as before.
     */
    @PostMapping(
            value = "/orgs/{org}/credentials/issue",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.ISSUE_CREDENTIALS, machineClients = true)
    ResponseEntity<String> issue(
            @PathVariable String org,
            @RequestBody byte[] body,
            @RequestHeader(value = "Idempotency-Key", required = false) @Nullable String idempotencyHeader,
            HttpServletRequest servletRequest) {
        JsonObject json = StrictJson.parseObject(body);
        if (json.containsKey("credential")) {
            Issuer issuer = issuers.get(org);
            VcApiIssuance.Request parsed = VcApiIssuance.parse(json, Optional.ofNullable(idempotencyHeader));
            Issuance.Issued credential;
            try {
                credential = vcApi.issue(issuer, parsed, Actors.current());
            } catch (IssuedCredentials.IdempotentReplay replay) {
                // The key's first request won, or (no row under the key) the credential's own id clashed.
                credential = issued.byIdempotencyKey(issuer.organization(), replay.key())
                        .orElseThrow(() -> PlatformException.conflict("A credential with this id was issued already."));
            }
            return issued(org, credential);
        }
        IssueRequest request;
        try {
            request = json().readValue(body, IssueRequest.class);
        } catch (JacksonException e) {
            // The same answer as when Spring binds the body itself (ProblemMapping reads the cause).
            throw new HttpMessageNotReadableException(
                    "The issue request could not be read", e, new ServletServerHttpRequest(servletRequest));
        }
        Issuer issuer = issuers.get(org);
        Issuance.Request parsed = new Issuance.Request(
                uuid(request.achievementId(), "achievementId"),
                recipient(request.recipient()),
                instant(request.validUntil()),
                Optional.ofNullable(idempotencyHeader != null ? idempotencyHeader : request.idempotencyKey()),
                didMethod(request.didMethod()),
                IssueOptions.format(request.format(), request.options()),
                results(request.results()));
        Issuance.Issued credential;
        try {
            credential = issuance.issue(issuer, parsed, Actors.current());
        } catch (IssuedCredentials.IdempotentReplay replay) {
            credential =
                    issued.byIdempotencyKey(issuer.organization(), replay.key()).orElseThrow();
        }
        return issued(org, credential);
    }

    record ClrRequest(
            @Nullable RecipientRequest recipient, @Nullable String idempotencyKey) {}

    /**
     * A CLR 2.0 {@code ClrCredential} bundling the learner's active credentials from this organization, exactly as
     * they were signed, found by the recipient's e-mail or DID; 404 when there are none.
     */
    @PostMapping("/orgs/{org}/credentials/clr")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.ISSUE_LEARNER_RECORDS, machineClients = true)
    ResponseEntity<String> issueClr(
            @PathVariable String org,
            @RequestBody ClrRequest request,
            @RequestHeader(value = "Idempotency-Key", required = false) @Nullable String idempotencyHeader) {
        Issuer issuer = issuers.get(org);
        ClrIssuance.Request parsed = new ClrIssuance.Request(
                recipient(request.recipient()), // the learner's e-mail, or the DID credentials were issued to
                Optional.ofNullable(idempotencyHeader != null ? idempotencyHeader : request.idempotencyKey()));
        Issuance.Issued credential;
        try {
            credential = clrIssuance.issue(issuer, parsed, Actors.current());
        } catch (IssuedCredentials.IdempotentReplay replay) {
            credential =
                    issued.byIdempotencyKey(issuer.organization(), replay.key()).orElseThrow();
        }
        return issued(org, credential);
    }

    private static ResponseEntity<String> issued(String org, Issuance.Issued issued) {
        return ResponseEntity.status(issued.replayed() ? 200 : 201)
                .location(URI.create("/orgs/" + org + "/credentials/" + issued.id()))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"verifiableCredential\":" + IssueOptions.asJson(issued.document()) + "}");
    }

    @GetMapping("/orgs/{org}/credentials/{id}")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_ISSUED, machineClients = true)
    ResponseEntity<String> credential(@PathVariable String org, @PathVariable UUID id) {
        String document = issued.document(organizations.get(org).id(), new CredentialId(id))
                .orElseThrow(() -> PlatformException.notFound("The credential"));
        return ResponseEntity.ok().contentType(IssueOptions.mediaType(document)).body(document);
    }

    @GetMapping("/orgs/{org}/credentials")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_ISSUED, machineClients = true)
    List<IssuedCredentials.Summary> credentials(@PathVariable String org) {
        return issued.list(organizations.get(org).id(), 500);
    }

    private static Issuance.To recipient(@Nullable RecipientRequest recipient) {
        if (recipient == null || (recipient.email() == null) == (recipient.did() == null)) {
            throw PlatformException.invalid("recipient", "Give the recipient's email or did (one of them).");
        }
        return recipient.email() != null
                ? new Issuance.To.Email(recipient.email())
                : new Issuance.To.DidSubject(nz(recipient.did()));
    }

    private static Issuance.DidMethod didMethod(@Nullable String value) {
        return switch (value == null ? "web" : value) {
            case "web", "did:web" -> Issuance.DidMethod.WEB;
            case "key", "did:key" -> Issuance.DidMethod.KEY;
            default -> throw PlatformException.invalid("didMethod", "Use \"web\" (the default) or \"key\".");
        };
    }

    private static UUID uuid(@Nullable String value, String field) {
        try {
            return UUID.fromString(nz(value));
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid(field, "Not a valid id.");
        }
    }

    private static Optional<Instant> instant(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw PlatformException.invalid("validUntil", "Use an ISO 8601 instant, e.g. 2030-01-01T00:00:00Z.");
        }
    }

    private JsonMapper json() {
        return jsonMapper.getObject();
    }

    private static String nz(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static List<Issuance.StatedResult> results(@Nullable List<ResultRequest> results) {
        if (results == null) {
            return List.of();
        }
        if (results.size() > Achievements.MAX_RESULT_DESCRIPTIONS) {
            throw PlatformException.invalid("results", "At most " + Achievements.MAX_RESULT_DESCRIPTIONS + " results.");
        }
        return results.stream()
                .map(r -> {
                    String value = r.achievedLevel() != null ? r.achievedLevel() : nz(r.value());
                    if (nz(r.resultDescription()).isBlank() || value.isBlank()) {
                        throw PlatformException.invalid(
                                "results",
                                "Each result names its resultDescription and gives a value or achievedLevel.");
                    }
                    return new Issuance.StatedResult(nz(r.resultDescription()), value);
                })
                .toList();
    }
}
