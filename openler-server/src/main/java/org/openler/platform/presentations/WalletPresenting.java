package org.openler.platform.presentations;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openler.platform.identity.AccountId;
import org.openler.platform.identity.OrganizationId;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.wallet.HeldCredential;
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
 * domain = client_id) — posts it to the verifier, and records the presentation for the learner. Only verifiers on
 * this platform are answered for now (their response URI is ours): the wallet does not post to other hosts.
 */
@Service
class WalletPresenting {

    private final Wallet wallet;
    private final HolderKeys holderKeys;
    private final PresentationRequests requests;
    private final OrganizationService organizations;
    private final JdbcClient jdbc;
    private final Clock clock;

    WalletPresenting(
            Wallet wallet,
            HolderKeys holderKeys,
            PresentationRequests requests,
            OrganizationService organizations,
            JdbcClient jdbc,
            Clock clock) {
        this.wallet = wallet;
        this.holderKeys = holderKeys;
        this.requests = requests;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Who asks, as this platform knows them (an organization here), and for what. */
    record Verifier(String name, String purpose, OrganizationId organization) {}

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
            throw new PlatformException(
                    Problem.UNPROCESSABLE,
                    "This wallet answers requests from verifiers on this platform only, for now.");
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
        return new Reading(request, new Verifier(name, ours.purpose(), ours.organization()), query, candidates);
    }

    private boolean fits(AccountId learner, HeldCredential held, AuthorizationRequest.CredentialQuery query) {
        return switch (query.format()) {
            case AuthorizationRequest.SD_JWT_FORMAT ->
                held.format() == HeldCredential.Format.SD_JWT
                        && (query.vctValues().isEmpty()
                                || query.vctValues().contains(vct(wallet.document(learner, held.id()))));
            case AuthorizationRequest.LDP_FORMAT -> held.format() == HeldCredential.Format.DATA_INTEGRITY;
            default -> false;
        };
    }

    private static String vct(String sdJwt) {
        try {
            SdJwt parsed = SdJwt.parse(sdJwt);
            JsonObject payload = StrictJson.parseObject(
                    new com.nimbusds.jose.util.Base64URL(parsed.issuerJwt().split("\\.")[1]).decode());
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
        String document = wallet.document(learner, credentialId);
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
        requests.respond(request.state(), vpToken);
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

    private static String token(String queryId, jakarta.json.JsonValue presentation) {
        return StrictJson.write(Jsons.PROVIDER
                .createObjectBuilder()
                .add(queryId, Jsons.PROVIDER.createArrayBuilder().add(presentation))
                .build());
    }
}
