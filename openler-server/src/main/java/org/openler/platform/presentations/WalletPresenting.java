package org.openler.platform.presentations;

import com.nimbusds.jose.util.Base64URL;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.verification.AllowedOrigins;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.HolderKeys;
import org.openler.platform.wallet.Wallet;
import org.openler.standards.StandardsException;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;
import org.openler.standards.sdjwt.JoseKeys;
import org.openler.standards.sdjwt.SdJwt;
import org.openler.standards.sdjwt.SdJwtHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * OpenLER's wallet answering an OpenID4VP request: finds the learner's credentials that match the DCQL query, builds
 * the vp_token from the learner's choices — an SD-JWT VC with only the chosen claims and a Key Binding JWT over the
 * nonce and client_id, or a Data Integrity credential in a presentation signed with the holder key (challenge = nonce,
 * domain = client_id) — posts it to the verifier, and records the presentation for the learner. Verifiers on this
 * platform are answered directly; verifiers elsewhere only on hosts the operator allowed, by a direct_post from
 * this server to their response URI.
 */
@Service
class WalletPresenting {

    private final Wallet wallet;
    private final HolderKeys holderKeys;
    private final PresentationRequests requests;
    private final OrganizationService organizations;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PresentationsProperties properties;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    WalletPresenting(
            Wallet wallet,
            HolderKeys holderKeys,
            PresentationRequests requests,
            OrganizationService organizations,
            JdbcClient jdbc,
            Clock clock,
            PresentationsProperties properties) {
        this.wallet = wallet;
        this.holderKeys = holderKeys;
        this.requests = requests;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Who asks and for what: an organization here (its name and the purpose it gave), or a verifier elsewhere, known
     * only by the host of its response URI (an unsigned request says no more about who sends it).
     */
    record Verifier(String name, String purpose, Optional<OrganizationId> organization) {

        public boolean elsewhere() {
            return organization.isEmpty();
        }
    }

    /** A credential the learner could answer with, and the claims of it that were asked for. */
    record Candidate(HeldCredential credential, List<String> askedClaims) {}

    /** The request as the wallet reads it: who, why, what, and what the learner holds that fits. */
    record Reading(
            AuthorizationRequest request,
            Verifier verifier,
            AuthorizationRequest.CredentialQuery query,
            List<Candidate> candidates) {}

    Reading read(AccountId learner, AuthorizationRequest request) {
        if (!request.responseUri().equals(requests.responseUri())) {
            return readElsewhere(learner, request);
        }
        PresentationRequests.Request ours = requests.byState(request.state())
                .filter(r -> r.authorization().nonce().equals(request.nonce()))
                .orElseThrow(() -> PlatformException.notFound("This presentation request"));
        if (!ours.open(clock.instant())) {
            throw new PlatformException(Problem.GONE, "This request was answered already or has expired.");
        }
        if (request.queries().size() != 1) {
            throw PlatformException.invalid("dcql_query", "This wallet answers one credential query per request.");
        }
        String name =
                organizations.find(ours.organization()).map(Organization::name).orElse("");
        AuthorizationRequest.CredentialQuery query = request.queries().get(0);
        List<Candidate> candidates = wallet.list(learner, false).stream()
                .filter(held -> fits(learner, held, query))
                .map(held -> new Candidate(held, query.claims()))
                .toList();
        return new Reading(
                request, new Verifier(name, ours.purpose(), Optional.of(ours.organization())), query, candidates);
    }

    /**
     * A verifier on another host, allowed by the operator ({@code openler.presentations.external-verifiers}). Its
     * request is unsigned ({@code redirect_uri:} client id), so the learner is shown the host it answers to.
     */
    private Reading readElsewhere(AccountId learner, AuthorizationRequest request) {
        String host = host(request.responseUri());
        // The response URI's scheme, host and port must be an allowed origin, not merely its host name.
        if (!AllowedOrigins.of(properties.externalVerifiers()).allows(request.responseUri())) {
            throw new PlatformException(
                    Problem.UNPROCESSABLE,
                    "This wallet answers verifiers on this platform, and elsewhere only at origins the operator"
                            + " allowed (openler.presentations.external-verifiers: scheme, host and port); "
                            + AllowedOrigins.describe(URI.create(request.responseUri())) + " is not one of them.");
        }
        if (request.queries().size() != 1) {
            throw PlatformException.invalid("dcql_query", "This wallet answers one credential query per request.");
        }
        AuthorizationRequest.CredentialQuery query = request.queries().get(0);
        List<Candidate> candidates = wallet.list(learner, false).stream()
                .filter(held -> fits(learner, held, query))
                .map(held -> new Candidate(held, query.claims()))
                .toList();
        return new Reading(request, new Verifier(host, "", Optional.empty()), query, candidates);
    }

    private static String host(String url) {
        String host = URI.create(url).getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    private boolean fits(AccountId learner, HeldCredential held, AuthorizationRequest.CredentialQuery query) {
        return switch (query.format()) {
            case AuthorizationRequest.SD_JWT_FORMAT ->
                held.format() == HeldCredential.Format.SD_JWT
                        && (query.vctValues().isEmpty()
                                || query.vctValues()
                                        .contains(vct(wallet.document(learner, new HeldCredentialId(held.id())))));
            case AuthorizationRequest.LDP_FORMAT -> held.format() == HeldCredential.Format.DATA_INTEGRITY;
            default -> false;
        };
    }

    private static String vct(String sdJwt) {
        try {
            SdJwt parsed = SdJwt.parse(sdJwt);
            JsonObject payload =
                    StrictJson.parseObject(new Base64URL(parsed.issuerJwt().split("\\.")[1]).decode());
            return payload.get("vct") instanceof JsonString s ? s.getString() : "";
        } catch (StandardsException e) {
            return "";
        }
    }

    /** Builds the answer from the learner's choice, posts it (here: to this platform's verifier), records it. */
    @Transactional
    UUID present(AccountId learner, AuthorizationRequest request, UUID credentialId, Set<String> claims) {
        Reading reading = read(learner, request);
        Candidate chosen = reading.candidates().stream()
                .filter(c -> c.credential().id().equals(credentialId))
                .findFirst()
                .orElseThrow(() -> PlatformException.invalid("credential", "Choose one of the credentials listed."));
        AuthorizationRequest.CredentialQuery query = reading.query();
        String document = wallet.document(learner, new HeldCredentialId(credentialId));
        HolderKeys.HolderKey key = holderKeys.signingKey(learner);
        Instant now = clock.instant();
        String vpToken;
        List<String> disclosed;
        if (query.format().equals(AuthorizationRequest.SD_JWT_FORMAT)) {
            if (!query.claims().containsAll(claims)) {
                throw PlatformException.invalid("claim", "Only claims the verifier asked for can be disclosed.");
            }
            String presentation = SdJwtHolder.present(
                    SdJwt.parse(document),
                    claims,
                    JoseKeys.ed25519(key.keyPair()),
                    request.nonce(),
                    request.clientId(),
                    now);
            vpToken = token(query.id(), Jsons.PROVIDER.createValue(presentation));
            disclosed = query.claims().stream().filter(claims::contains).toList();
        } else {
            JsonObject unsigned = Jsons.PROVIDER
                    .createObjectBuilder()
                    .add("@context", Jsons.PROVIDER.createArrayBuilder().add("https://www.w3.org/ns/credentials/v2"))
                    .add("type", Jsons.PROVIDER.createArrayBuilder().add("VerifiablePresentation"))
                    .add("holder", key.did().value())
                    .add(
                            "verifiableCredential",
                            Jsons.PROVIDER.createArrayBuilder().add(StrictJson.parseObject(document)))
                    .build();
            JsonObject signed = EddsaRdfc2022.sign(
                    unsigned,
                    key.keyPair(),
                    ProofOptions.authentication(
                            key.verificationMethod(), now, request.nonce(), Optional.of(request.clientId())));
            vpToken = token(query.id(), signed);
            disclosed = List.of("*");
        }
        if (reading.verifier().elsewhere()) {
            postTo(request, vpToken);
        } else {
            requests.respond(request.state(), vpToken);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "insert into presentation_made (id, account_id, request_id, verifier_name, verifier_client, purpose,"
                                + " credential_id, credential_name, format, claims, presented_at)"
                                + " values (?, ?, (select id from presentation_request where state = ?), ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        learner.value(),
                        request.state(),
                        reading.verifier().name(),
                        request.clientId(),
                        reading.verifier().purpose(),
                        credentialId,
                        chosen.credential().name(),
                        chosen.credential().format().name(),
                        String.join(",", disclosed),
                        Timestamp.from(now))
                .update();
        return id;
    }

    /**
     * OpenID4VP {@code direct_post}: the vp_token and the state, form-encoded, to the verifier's response URI — an
     * allowed host, no redirect followed, ten seconds. Anything but a 2xx answer is the verifier refusing.
     */
    private void postTo(AuthorizationRequest request, String vpToken) {
        String form = "vp_token=" + URLEncoder.encode(vpToken, StandardCharsets.UTF_8) + "&state="
                + URLEncoder.encode(request.state(), StandardCharsets.UTF_8);
        HttpRequest post = HttpRequest.newBuilder(URI.create(request.responseUri()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        int status;
        try {
            status = http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new PlatformException(
                    Problem.UNPROCESSABLE, "The verifier at " + host(request.responseUri()) + " could not be reached.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException(Problem.UNPROCESSABLE, "Interrupted while answering the verifier.");
        }
        if (status / 100 != 2) {
            throw new PlatformException(
                    Problem.UNPROCESSABLE,
                    "The verifier at " + host(request.responseUri()) + " did not take the presentation (" + status
                            + ").");
        }
    }

    private static String token(String queryId, JsonValue presentation) {
        return StrictJson.write(Jsons.PROVIDER
                .createObjectBuilder()
                .add(queryId, Jsons.PROVIDER.createArrayBuilder().add(presentation))
                .build());
    }
}
