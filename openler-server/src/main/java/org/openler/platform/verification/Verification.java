package org.openler.platform.verification;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openler.platform.identity.PlatformUrls;
import org.openler.platform.issuing.IssuerKeys;
import org.openler.platform.issuing.StatusLists;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.standards.StandardsException;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidDocument;
import org.openler.standards.did.DidResolver;
import org.openler.standards.did.DidResolvers;
import org.openler.standards.did.DidWebResolver;
import org.openler.standards.json.StrictJson;
import org.openler.standards.jwt.DidJwtKeys;
import org.openler.standards.jwt.JwtKeyResolver;
import org.openler.standards.status.StatusPurpose;
import org.openler.standards.verify.PresentationExpectations;
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
    private final IssuerKeys keys;
    private final StatusLists statusLists;
    private final PlatformUrls urls;
    private final DidResolver remoteDidWeb;
    private final VerificationProperties properties;
    private final Clock clock;

    Verification(
            OrganizationService organizations,
            IssuerKeys keys,
            StatusLists statusLists,
            PlatformUrls urls,
            VerificationProperties properties,
            Clock clock) {
        this.organizations = organizations;
        this.keys = keys;
        this.statusLists = statusLists;
        this.urls = urls;
        this.properties = properties;
        this.clock = clock;
        this.remoteDidWeb = DidWebResolver.builder()
                .allowedHosts(new HashSet<>(properties.allowedHosts()))
                .timeout(Duration.ofSeconds(5))
                .cacheFor(Duration.ofMinutes(5))
                .build();
    }

    public VerificationReport verifyCredential(byte[] body) {
        return verifier().verifyCredential(body);
    }

    public VerificationReport verifyCredential(JsonObject credential) {
        return verifier().verifyCredential(credential);
    }

    /**
     * Verifies an Open Badges 3.0 VC-JWT: its {@code kid} must name a JsonWebKey method of the issuer's DID (this
     * platform's own from the database, other did:web hosts only if allowed), then status and validity as for any
     * credential. A did:jwk issuer is its own key (the wallet imports such credentials from elsewhere).
     */
    public VerificationReport verifyJwt(String compact) {
        JwtKeyResolver didDocuments = DidJwtKeys.of(DidResolvers.keyAndWeb(this::resolveWeb));
        JwtKeyResolver didJwk = new DidJwkKeys();
        return verifier()
                .verifyJwt(
                        compact,
                        (issuer, keyId) -> issuer.startsWith("did:jwk:")
                                ? didJwk.resolve(issuer, keyId)
                                : didDocuments.resolve(issuer, keyId));
    }

    public VerificationReport verifyPresentation(JsonObject presentation, PresentationExpectations expected) {
        return verifier().verifyPresentation(presentation, expected);
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
                    .filter(o -> keys.didDocument(o.id(), o.slug()).isPresent())
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
            return keys.didDocument(organization.id(), organization.slug())
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
                statusLists.published(organization.id(), organization.slug(), purpose, Integer.parseInt(own.group(3)));
        return StrictJson.parseObject(document.orElseThrow(
                () -> new StandardsException(StandardsException.Code.INVALID_STATUS, "No such status list here")));
    }
}
