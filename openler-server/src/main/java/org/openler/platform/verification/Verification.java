package org.openler.platform.verification;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openler.platform.issuers.IssuerKeys;
import org.openler.platform.issuers.Issuers;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.status.CredentialId;
import org.openler.platform.status.CredentialStatus;
import org.openler.platform.status.CredentialStatuses;
import org.openler.platform.status.StatusLists;
import org.openler.platform.transparency.LogProofs;
import org.openler.standards.StandardsException;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidDocument;
import org.openler.standards.did.DidResolver;
import org.openler.standards.did.DidResolvers;
import org.openler.standards.did.DidWebResolver;
import org.openler.standards.json.StrictJson;
import org.openler.standards.jwt.DidJwtKeys;
import org.openler.standards.jwt.JwtKeyResolver;
import org.openler.standards.ob2.Ob2Verifier;
import org.openler.standards.sdjwt.KeyBindingExpectations;
import org.openler.standards.sdjwt.SdJwtVerifier;
import org.openler.standards.sdjwt.StatusListTokens;
import org.openler.standards.sdjwt.VerifiedSdJwt;
import org.openler.standards.status.StatusPurpose;
import org.openler.standards.status.TokenStatusList;
import org.openler.standards.verify.Check;
import org.openler.standards.verify.CheckResult;
import org.openler.standards.verify.EnvelopedCredentials;
import org.openler.standards.verify.PresentationExpectations;
import org.openler.standards.verify.ProblemType;
import org.openler.standards.verify.Profile;
import org.openler.standards.verify.VerificationReport;
import org.openler.standards.verify.Verifier;
import org.springframework.stereotype.Service;

/**
 * One verifier for the API and the pages. This platform's own issuers (did:web under its host) and status lists are
 * read from the database; other hosts only if the operator allowed them; nothing else is fetched.
 */
@Service
public class Verification {

    private static final Pattern OWN_STATUS_PATH =
            Pattern.compile("^/orgs/([a-z0-9-]+)/status/(revocation|suspension)/(\\d{1,6})$");

    private final OrganizationService organizations;
    private final Issuers issuers;
    private final IssuerKeys keys;
    private final StatusLists statusLists;
    private final PlatformUrls urls;
    private final DidResolver remoteDidWeb;
    private final VerificationProperties properties;
    private final Clock clock;
    private final CredentialStatuses statuses;
    private final AllowListedFetcher allowListed;
    private final LogProofs transparencyLog;

    Verification(
            OrganizationService organizations,
            Issuers issuers,
            IssuerKeys keys,
            StatusLists statusLists,
            PlatformUrls urls,
            VerificationProperties properties,
            Clock clock,
            CredentialStatuses statuses,
            LogProofs transparencyLog) {
        this.transparencyLog = transparencyLog;
        this.organizations = organizations;
        this.issuers = issuers;
        this.keys = keys;
        this.statusLists = statusLists;
        this.urls = urls;
        this.properties = properties;
        this.clock = clock;
        this.statuses = statuses;
        AllowedOrigins allowed = AllowedOrigins.of(properties.allowedHosts());
        this.allowListed = new AllowListedFetcher(allowed, clock);
        this.remoteDidWeb = DidWebResolver.builder()
                // did:web is HTTPS only; the resolver compares host and port (the DID's %3A-encoded port) whole
                .allowedHosts(allowed.httpsAuthorities())
                .timeout(Duration.ofSeconds(5))
                .cacheFor(Duration.ofMinutes(5))
                .build();
    }

    public VerificationReport verifyCredential(byte[] body) {
        VerificationReport report = verifier().verifyCredential(body);
        if (report.result(Check.PARSING).orElse(null) instanceof CheckResult.Failed) {
            return report;
        }
        try {
            return withLogCheck(report, StrictJson.parseObject(body));
        } catch (StandardsException e) {
            return report;
        }
    }

    public VerificationReport verifyCredential(JsonObject credential) {
        return withLogCheck(verifier().verifyCredential(credential), credential);
    }

    /** The optional transparency-log check, for a credential of an issuer on this platform. */
    private VerificationReport withLogCheck(VerificationReport report, JsonObject credential) {
        return LogCheck.add(
                report, LogCheck.id(credential), LogCheck.issuer(credential), transparencyLog, this::knownIssuer);
    }

    /** A credential held to the Open Badges 3.0 / CLR 2.0 rules whatever its type, when the caller asks. */
    public VerificationReport verifyCredential(JsonObject credential, Profile profile) {
        return verifier().verifyCredential(credential, profile);
    }

    /**
     * Verifies an Open Badges 3.0 VC-JWT: its {@code kid} must name a JsonWebKey method of the issuer's DID (this
     * platform's own from the database, other did:web hosts only if allowed), then status and validity as for any
     * credential. A did:jwk issuer is its own key (the wallet imports such credentials from elsewhere).
     */
    public VerificationReport verifyJwt(String compact) {
        JwtKeyResolver didDocuments = DidJwtKeys.of(DidResolvers.keyAndWeb(this::resolveWeb));
        JwtKeyResolver didJwk = new DidJwkKeys();
        VerificationReport report = verifier()
                .verifyJwt(
                        compact,
                        (issuer, keyId) -> issuer.startsWith("did:jwk:")
                                ? didJwk.resolve(issuer, keyId)
                                : didDocuments.resolve(issuer, keyId));
        try {
            JWTClaimsSet claims = SignedJWT.parse(compact).getJWTClaimsSet();
            return LogCheck.add(
                    report,
                    Optional.ofNullable(claims.getJWTID()),
                    Optional.ofNullable(claims.getIssuer()),
                    transparencyLog,
                    this::knownIssuer);
        } catch (ParseException | RuntimeException e) {
            return report; // unreadable: the verifier's own checks already say so
        }
    }

    /**
     * Verifies an Open Badges 2.0 assertion (hosted JSON, or a signed JWS): the documents it names are fetched only from
     * hosts the operator allowed, and a hosted one is fetched again from its id (withdrawn there means revoked).
     */
    public Ob2Verifier.Result verifyOb2(String assertion) {
        return Ob2Verifier.verify(assertion, allowListed, clock, Ob2Verifier.Hosted.REFETCH);
    }

    /** An SD-JWT VC's checks, and what it says when its signature and disclosures held. */
    public record SdJwtResult(VerificationReport report, Optional<VerifiedSdJwt> verified) {}

    /**
     * Verifies an SD-JWT VC: the issuer's ES256 key from its DID document (as for a VC-JWT), every disclosure
     * referenced once, the Key Binding JWT as {@code keyBinding} asks; then status — for a credential issued here,
     * the platform's record of it (found by {@code jti}), or for another issuer the IETF Token Status List it names
     * (fetched only from allowed hosts) — and the
     * validity dates. Status and dates fail the report but keep the verified claims (a wallet shows them as such).
     */
    public SdJwtResult verifySdJwt(String presentation, KeyBindingExpectations keyBinding) {
        JwtKeyResolver didDocuments = DidJwtKeys.of(DidResolvers.keyAndWeb(this::resolveWeb));
        List<CheckResult> results = new ArrayList<>();
        VerifiedSdJwt verified;
        try {
            verified = SdJwtVerifier.verify(presentation, didDocuments, keyBinding, clock);
        } catch (StandardsException e) {
            ProblemType type = switch (e.code()) {
                case MALFORMED_JSON, DUPLICATE_KEY, TOO_DEEP, TOO_LARGE -> ProblemType.PARSING_ERROR;
                case INVALID_CREDENTIAL -> ProblemType.MALFORMED_VALUE_ERROR;
                default -> ProblemType.CRYPTOGRAPHIC_SECURITY_ERROR;
            };
            Check check = type == ProblemType.PARSING_ERROR ? Check.PARSING : Check.PROOF;
            results.add(new CheckResult.Failed(check, e.getMessage(), type));
            return new SdJwtResult(new VerificationReport(results), Optional.empty());
        }
        results.add(new CheckResult.Passed(
                Check.PARSING, "An SD-JWT VC (" + verified.disclosures().size() + " disclosures)"));
        results.add(new CheckResult.Passed(
                Check.PROOF,
                "The issuer's signature holds, every disclosure matches a digest"
                        + (verified.keyBound() ? ", and the holder's key binding holds" : "")));
        results.add(new CheckResult.Passed(
                Check.ISSUER, "Signed by a key of " + verified.issuer().orElse("")));
        results.add(status(verified));
        Instant now = clock.instant();
        if (verified.expiresAt().filter(exp -> exp.isBefore(now)).isPresent()) {
            results.add(new CheckResult.Failed(
                    Check.VALIDITY_PERIOD, "The credential has expired", ProblemType.RANGE_ERROR));
        } else if (verified.notBefore()
                .filter(nbf -> nbf.isAfter(now.plusSeconds(60)))
                .isPresent()) {
            results.add(new CheckResult.Failed(
                    Check.VALIDITY_PERIOD, "The credential is not valid yet", ProblemType.RANGE_ERROR));
        } else {
            results.add(new CheckResult.Passed(Check.VALIDITY_PERIOD, "Within its validity period"));
        }
        String jti = verified.claims().get("jti") instanceof JsonString s ? s.getString() : "";
        VerificationReport report = LogCheck.add(
                new VerificationReport(results),
                jti.isEmpty() ? Optional.empty() : Optional.of(jti),
                verified.issuer(),
                transparencyLog,
                this::knownIssuer);
        return new SdJwtResult(report, Optional.of(verified));
    }

    private CheckResult status(VerifiedSdJwt verified) {
        String iss = verified.issuer().orElse("");
        String jti = verified.claims().get("jti") instanceof JsonString s ? s.getString() : "";
        Optional<Organization> own = ownOrganization(iss);
        Optional<StatusListTokens.Reference> reference = StatusListTokens.Reference.of(verified.claims());
        if (own.isEmpty() && reference.isPresent()) {
            return tokenStatus(iss, reference.get());
        }
        if (own.isEmpty() || !jti.startsWith("urn:uuid:")) {
            return new CheckResult.Warning(
                    Check.STATUS, "The issuer publishes no status for this SD-JWT VC; not checked");
        }
        UUID id;
        try {
            id = UUID.fromString(jti.substring("urn:uuid:".length()));
        } catch (IllegalArgumentException e) {
            return new CheckResult.Failed(
                    Check.STATUS, "The credential's jti is not a UUID", ProblemType.MALFORMED_VALUE_ERROR);
        }
        Optional<CredentialStatus> status = statuses.statusOf(own.get().id(), new CredentialId(id));
        if (status.isEmpty()) {
            return new CheckResult.Failed(
                    Check.STATUS, "The issuer has no record of this credential", ProblemType.STATUS_VERIFICATION_ERROR);
        }
        return switch (status.get()) {
            case ACTIVE -> new CheckResult.Passed(Check.STATUS, "The issuer's record shows it active");
            case REVOKED ->
                new CheckResult.Failed(
                        Check.STATUS, "The issuer has revoked this credential", ProblemType.CREDENTIAL_REVOKED);
            case SUSPENDED ->
                new CheckResult.Failed(
                        Check.STATUS, "The issuer has suspended this credential", ProblemType.CREDENTIAL_SUSPENDED);
        };
    }

    /**
     * Another issuer's SD-JWT VC: its state from the IETF Token Status List it names, fetched only from a host the
     * operator allowed and believed only when signed by the same issuer, for that URL.
     */
    private CheckResult tokenStatus(String issuer, StatusListTokens.Reference reference) {
        int value;
        try {
            String token = new String(allowListed.fetch(URI.create(reference.uri())), StandardCharsets.UTF_8);
            value = StatusListTokens.status(
                    token, reference, issuer, DidJwtKeys.of(DidResolvers.keyAndWeb(this::resolveWeb)), clock);
        } catch (StandardsException | IllegalArgumentException e) {
            return new CheckResult.Failed(
                    Check.STATUS,
                    "The issuer's status list could not be checked: " + e.getMessage(),
                    ProblemType.STATUS_RETRIEVAL_ERROR);
        }
        return switch (value) {
            case TokenStatusList.VALID -> new CheckResult.Passed(Check.STATUS, "Valid in the issuer's status list");
            case TokenStatusList.INVALID ->
                new CheckResult.Failed(
                        Check.STATUS, "The issuer has revoked this credential", ProblemType.CREDENTIAL_REVOKED);
            case TokenStatusList.SUSPENDED ->
                new CheckResult.Failed(
                        Check.STATUS, "The issuer has suspended this credential", ProblemType.CREDENTIAL_SUSPENDED);
            default ->
                new CheckResult.Failed(
                        Check.STATUS,
                        "The issuer's status list gives status " + value,
                        ProblemType.STATUS_VERIFICATION_ERROR);
        };
    }

    /** The organization behind a did:web of this platform's host, if that is what the DID is. */
    private Optional<Organization> ownOrganization(String did) {
        if (!did.startsWith("did:web:")) {
            return Optional.empty();
        }
        String[] parts = did.substring("did:web:".length()).split(":");
        String host = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        if (!host.equals(urls.host()) || parts.length != 3 || !parts[1].equals("orgs")) {
            return Optional.empty();
        }
        return organizations.find(parts[2]);
    }

    /**
     * A presentation and what it carries: embedded Data Integrity credentials, and enveloped SD-JWT VCs
     * ({@code data:application/dc+sd-jwt,…}) whose Key Binding JWT must carry the presentation's own challenge and
     * domain (without both, an SD-JWT VC is taken only unbound).
     */
    public VerificationReport verifyPresentation(JsonObject presentation, PresentationExpectations expected) {
        KeyBindingExpectations keyBinding =
                expected.challenge().isPresent() && expected.domain().isPresent()
                        ? KeyBindingExpectations.presentation(
                                expected.challenge().get(), expected.domain().get())
                        : KeyBindingExpectations.none();
        return verifier()
                .verifyPresentation(
                        presentation,
                        expected,
                        (mediaType, data) -> mediaType.equals(SD_JWT_MEDIA_TYPE)
                                ? Optional.of(verifySdJwt(data, keyBinding).report())
                                : Optional.empty());
    }

    /** The media type of an SD-JWT VC in a data: URL (SD-JWT-based Verifiable Credentials). */
    public static final String SD_JWT_MEDIA_TYPE = "application/dc+sd-jwt";

    /** A presentation that may carry enveloped credentials, checked by {@code enveloped}. */
    public VerificationReport verifyPresentation(
            JsonObject presentation, PresentationExpectations expected, EnvelopedCredentials enveloped) {
        return verifier().verifyPresentation(presentation, expected, enveloped);
    }

    /**
     * The name of the organization on this platform that an issuer DID belongs to (its did:web here, or the did:key
     * of one of its keys); empty for any other issuer. A verifier shows "unknown issuer" as a warning, not a refusal.
     */
    public Optional<String> knownIssuer(String issuerId) {
        if (issuerId.startsWith("did:key:")) {
            return keys.organizationOfKey(issuerId.substring("did:key:".length()))
                    .flatMap(organizations::find)
                    .map(Organization::name);
        }
        String prefix = "did:web:" + URLEncoder.encode(urls.host(), StandardCharsets.UTF_8) + ":orgs:";
        if (issuerId.startsWith(prefix) && !issuerId.substring(prefix.length()).contains(":")) {
            return organizations
                    .find(issuerId.substring(prefix.length()))
                    .filter(o -> keys.didDocument(issuers.of(o)).isPresent())
                    .map(Organization::name);
        }
        return Optional.empty();
    }

    private Verifier verifier() {
        // Built per call: cheap (contexts are cached in the library), and it sees the current request's host.
        return Verifier.builder()
                .didResolver(DidResolvers.keyAndWeb(this::resolveWeb))
                .statusLists(this::fetchStatusList)
                .clock(clock)
                .build();
    }

    private DidDocument resolveWeb(Did did) {
        String[] parts = did.methodSpecificId().split(":");
        String host = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        if (host.equals(urls.host()) && parts.length == 3 && parts[1].equals("orgs")) {
            Organization organization = organizations
                    .find(parts[2])
                    .orElseThrow(() -> new StandardsException(
                            StandardsException.Code.DID_NOT_RESOLVED, "No organization " + parts[2] + " here"));
            return keys.didDocument(issuers.of(organization))
                    .orElseThrow(() -> new StandardsException(
                            StandardsException.Code.DID_NOT_RESOLVED, "The organization has no keys"));
        }
        return remoteDidWeb.resolve(did);
    }

    private JsonObject fetchStatusList(URI url) {
        URI base = URI.create(urls.base());
        Matcher own = OWN_STATUS_PATH.matcher(String.valueOf(url.getPath()));
        boolean ours = base.getAuthority().equals(url.getAuthority()) && own.matches();
        if (!ours) {
            throw new StandardsException(
                    StandardsException.Code.INVALID_STATUS,
                    "Status lists are only read from this platform; " + url.getHost() + " is not allowed.");
        }
        Organization organization = organizations
                .find(own.group(1))
                .orElseThrow(
                        () -> new StandardsException(StandardsException.Code.INVALID_STATUS, "No such issuer here"));
        StatusPurpose purpose = own.group(2).equals("revocation") ? StatusPurpose.REVOCATION : StatusPurpose.SUSPENSION;
        Optional<String> document =
                statusLists.published(issuers.of(organization), purpose, Integer.parseInt(own.group(3)));
        return StrictJson.parseObject(document.orElseThrow(
                () -> new StandardsException(StandardsException.Code.INVALID_STATUS, "No such status list here")));
    }
}
