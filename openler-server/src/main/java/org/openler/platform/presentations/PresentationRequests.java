package org.openler.platform.presentations;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.issuing.SdJwtIssuing;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.keys.SecretTokens;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.verification.Verification;
import org.openler.standards.StandardsException;
import org.openler.standards.json.JsonLimits;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;
import org.openler.standards.sdjwt.KeyBindingExpectations;
import org.openler.standards.sdjwt.VerifiedSdJwt;
import org.openler.standards.verify.CheckResult;
import org.openler.standards.verify.PresentationExpectations;
import org.openler.standards.verify.VerificationReport;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * OpenLER as an OpenID4VP verifier: an organization's staff make a request (what credential, which claims, why), the
 * wallet answers at the response URI, and the answer is verified — the SD-JWT VC's signature, disclosures and Key
 * Binding JWT (nonce and audience = client_id), or the Data Integrity presentation's proof with the nonce as challenge
 * and the client_id as domain — and kept in plain terms. A request is answered once; a vp_token answers one request
 * only (its hash is unique), so a token replayed to another request is refused even before its nonce is compared.
 */
@Service
public class PresentationRequests {

    static final Duration VALIDITY = Duration.ofMinutes(30);
    static final String RESPONSE_PATH = "/oid4vp/response";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PlatformUrls urls;
    private final Verification verification;
    private final Clock clock;

    PresentationRequests(JdbcClient jdbc, PlatformUrls urls, Verification verification, Clock clock) {
        this.jdbc = jdbc;
        this.urls = urls;
        this.verification = verification;
        this.clock = clock;
    }

    /** What the staff member asks for: an SD-JWT VC (of a type, with claims) or a Data Integrity credential. */
    record Ask(String purpose, String format, String vct, List<String> claims) {
        Ask {
            claims = List.copyOf(claims);
            if (purpose.isBlank() || purpose.length() > 500) {
                throw PlatformException.invalid("purpose", "Say why you ask, in at most 500 characters.");
            }
            if (!format.equals(AuthorizationRequest.SD_JWT_FORMAT) && !format.equals(AuthorizationRequest.LDP_FORMAT)) {
                throw PlatformException.invalid("format", "Choose an SD-JWT VC or a Data Integrity credential.");
            }
            if (vct.length() > 2000 || (!vct.isEmpty() && !vct.matches("https?://\\S+"))) {
                throw PlatformException.invalid("vct", "The credential type is a URL (an achievement's address).");
            }
            for (String claim : claims) {
                if (!SdJwtIssuing.DISCLOSABLE.contains(claim)) {
                    throw PlatformException.invalid("claims", "Unknown claim: " + claim);
                }
            }
            if (format.equals(AuthorizationRequest.SD_JWT_FORMAT) && claims.isEmpty()) {
                throw PlatformException.invalid("claims", "Ask for at least one claim.");
            }
        }
    }

    /** A request as its organization sees it. */
    public record Request(
            UUID id,
            OrganizationId organization,
            String purpose,
            String vct,
            List<String> claims,
            AuthorizationRequest authorization,
            Instant createdAt,
            Instant expiresAt,
            @Nullable Instant answeredAt,
            @Nullable String outcome,
            @Nullable String result) {

        public boolean open(Instant now) {
            return answeredAt == null && expiresAt.isAfter(now);
        }
    }

    @Transactional
    UUID create(OrganizationId organization, Ask ask, Actor by) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("insert into presentation_request (id, organization_id, created_by, purpose, vct, claims, dcql_query,"
                        + " nonce, state, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        organization.value(),
                        by.auditName(),
                        ask.purpose().strip(),
                        ask.vct(),
                        String.join(",", ask.claims()),
                        dcql(ask),
                        random(),
                        random(),
                        Timestamp.from(now),
                        Timestamp.from(now.plus(VALIDITY)))
                .update();
        return id;
    }

    static String dcql(Ask ask) {
        JsonObjectBuilder credential =
                Jsons.PROVIDER.createObjectBuilder().add("id", "credential").add("format", ask.format());
        if (ask.format().equals(AuthorizationRequest.SD_JWT_FORMAT)) {
            if (!ask.vct().isEmpty()) {
                credential.add(
                        "meta",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add(
                                        "vct_values",
                                        Jsons.PROVIDER.createArrayBuilder().add(ask.vct())));
            }
            JsonArrayBuilder claims = Jsons.PROVIDER.createArrayBuilder();
            ask.claims()
                    .forEach(claim -> claims.add(Jsons.PROVIDER
                            .createObjectBuilder()
                            .add("path", Jsons.PROVIDER.createArrayBuilder().add(claim))));
            credential.add("claims", claims);
        } else {
            credential.add(
                    "meta",
                    Jsons.PROVIDER
                            .createObjectBuilder()
                            .add(
                                    "type_values",
                                    Jsons.PROVIDER
                                            .createArrayBuilder()
                                            .add(Jsons.PROVIDER
                                                    .createArrayBuilder()
                                                    .add("OpenBadgeCredential"))));
        }
        return StrictJson.write(Jsons.PROVIDER
                .createObjectBuilder()
                .add("credentials", Jsons.PROVIDER.createArrayBuilder().add(credential))
                .build());
    }

    private static final String COLUMNS = "id, organization_id, purpose, vct, claims, dcql_query, nonce, state,"
            + " created_at, expires_at, answered_at, outcome, result";

    List<Request> list(OrganizationId organization) {
        return jdbc.sql("select " + COLUMNS + " from presentation_request where organization_id = ?"
                        + " order by created_at desc limit 100")
                .param(organization.value())
                .query(this::request)
                .list();
    }

    Optional<Request> find(OrganizationId organization, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from presentation_request where organization_id = ? and id = ?")
                .params(organization.value(), id)
                .query(this::request)
                .optional();
    }

    /** The request a wallet is answering, found by its state (for the wallet to show who asks, from our record). */
    Optional<Request> byState(String state) {
        return jdbc.sql("select " + COLUMNS + " from presentation_request where state = ?")
                .param(state)
                .query(this::request)
                .optional();
    }

    /** The response URI (and so the client_id) of this platform as a verifier. */
    String responseUri() {
        return urls.base() + RESPONSE_PATH;
    }

    /** What one credential query was answered with, after verification. */
    record Answer(String queryId, String format, String issuer, List<String> disclosed) {}

    /**
     * Verifies a wallet's answer and records it. A refused answer changes nothing (the request stays open for a
     * genuine one); an accepted one closes the request.
     *
     * @throws PlatformException 400 for an unknown state or a malformed vp_token, 409 for a request answered already
     *     or a vp_token seen before, 410 for an expired request, 422 when verification fails
     */
    @Transactional
    List<Answer> respond(String state, String vpToken) {
        if (state.isEmpty() || state.length() > 100) {
            throw PlatformException.invalid("state", "Missing or unknown.");
        }
        Request request = jdbc.sql("select " + COLUMNS + " from presentation_request where state = ? for update")
                .param(state)
                .query(this::request)
                .optional()
                .orElseThrow(() -> PlatformException.invalid("state", "No request with this state."));
        if (request.answeredAt() != null) {
            throw new PlatformException(Problem.CONFLICT, "This request was answered already.");
        }
        if (!request.expiresAt().isAfter(clock.instant())) {
            throw new PlatformException(Problem.GONE, "This request has expired.");
        }
        String tokenHash = SecretTokens.hash(vpToken);
        boolean seen = jdbc.sql("select count(*) from presentation_request where vp_token_hash = ?")
                        .param(tokenHash)
                        .query(Long.class)
                        .single()
                > 0;
        if (seen) {
            throw new PlatformException(Problem.CONFLICT, "This vp_token answered another request already (replay).");
        }
        JsonObject token;
        try {
            token = StrictJson.parseObject(vpToken.getBytes(StandardCharsets.UTF_8), new JsonLimits(1024 * 1024, 64));
        } catch (StandardsException e) {
            throw PlatformException.invalid("vp_token", "Not a JSON object keyed by credential query id.");
        }
        AuthorizationRequest authorization = request.authorization();
        List<Answer> answers = new ArrayList<>();
        JsonArrayBuilder results = Jsons.PROVIDER.createArrayBuilder();
        for (AuthorizationRequest.CredentialQuery query : authorization.queries()) {
            if (!(token.get(query.id()) instanceof JsonArray presentations) || presentations.size() != 1) {
                throw PlatformException.invalid(
                        "vp_token", "Expected one presentation for the credential query '" + query.id() + "'.");
            }
            JsonObjectBuilder result = Jsons.PROVIDER.createObjectBuilder().add("query", query.id());
            Answer answer = query.format().equals(AuthorizationRequest.SD_JWT_FORMAT)
                    ? sdJwt(query, presentations.get(0), authorization, result)
                    : dataIntegrity(query, presentations.get(0), authorization, result);
            answers.add(answer);
            results.add(result);
        }
        String stored = StrictJson.write(
                Jsons.PROVIDER.createObjectBuilder().add("credentials", results).build());
        try {
            jdbc.sql("update presentation_request set answered_at = ?, outcome = 'VERIFIED', result = ?,"
                            + " vp_token_hash = ? where id = ?")
                    .params(Timestamp.from(clock.instant()), stored, tokenHash, request.id())
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new PlatformException(Problem.CONFLICT, "This vp_token answered another request already (replay).");
        }
        return answers;
    }

    private Answer sdJwt(
            AuthorizationRequest.CredentialQuery query,
            JsonValue presentation,
            AuthorizationRequest authorization,
            JsonObjectBuilder result) {
        if (!(presentation instanceof JsonString text)) {
            throw PlatformException.invalid("vp_token", "An SD-JWT presentation is a string.");
        }
        Verification.SdJwtResult checked = verification.verifySdJwt(
                text.getString(), KeyBindingExpectations.presentation(authorization.nonce(), authorization.clientId()));
        refuseUnlessVerified(checked.report());
        VerifiedSdJwt verified = checked.verified().orElseThrow();
        String vct = verified.vct().orElse("");
        if (!query.vctValues().isEmpty() && !query.vctValues().contains(vct)) {
            throw new PlatformException(Problem.UNPROCESSABLE, "The credential is not of the type asked for.");
        }
        JsonObjectBuilder claims = Jsons.PROVIDER.createObjectBuilder();
        for (String name : verified.disclosedNames()) {
            if (!query.claims().contains(name)) {
                // Disclosed without being asked: refused, so the verifier never keeps what it did not ask for.
                throw new PlatformException(Problem.UNPROCESSABLE, "The presentation discloses a claim not asked for.");
            }
            claims.add(name, verified.claims().get(name));
        }
        String issuerName = verified.claims().get("issuer_name") instanceof JsonString s
                ? s.getString()
                : verified.issuer().orElse("");
        result.add("format", AuthorizationRequest.SD_JWT_FORMAT)
                .add("issuer", verified.issuer().orElse(""))
                .add("issuerName", issuerName)
                .add("vct", vct)
                .add("keyBound", verified.keyBound())
                .add("claims", claims)
                .add("checks", checks(checked.report()));
        return new Answer(query.id(), query.format(), verified.issuer().orElse(""), verified.disclosedNames());
    }

    private Answer dataIntegrity(
            AuthorizationRequest.CredentialQuery query,
            JsonValue presentation,
            AuthorizationRequest authorization,
            JsonObjectBuilder result) {
        if (!(presentation instanceof JsonObject vp)) {
            throw PlatformException.invalid("vp_token", "A Data Integrity presentation is a JSON object.");
        }
        VerificationReport report = verification.verifyPresentation(
                vp, PresentationExpectations.challenge(authorization.nonce(), Optional.of(authorization.clientId())));
        refuseUnlessVerified(report);
        JsonObject credential = vp.get("verifiableCredential") instanceof JsonArray list
                        && !list.isEmpty()
                        && list.get(0) instanceof JsonObject first
                ? first
                : vp.get("verifiableCredential") instanceof JsonObject single ? single : JsonValue.EMPTY_JSON_OBJECT;
        String issuer = credential.get("issuer") instanceof JsonObject o
                ? o.getString("id", "")
                : credential.get("issuer") instanceof JsonString s ? s.getString() : "";
        String issuerName = credential.get("issuer") instanceof JsonObject o ? o.getString("name", issuer) : issuer;
        JsonObjectBuilder claims = Jsons.PROVIDER.createObjectBuilder();
        if (credential.get("name") instanceof JsonString name) {
            claims.add("credential_name", name);
        }
        if (credential.get("credentialSubject") instanceof JsonObject subject
                && subject.get("achievement") instanceof JsonObject achievement) {
            if (achievement.get("name") instanceof JsonString n) {
                claims.add("achievement_name", n);
            }
            if (achievement.get("description") instanceof JsonString d) {
                claims.add("achievement_description", d);
            }
        }
        result.add("format", AuthorizationRequest.LDP_FORMAT)
                .add("issuer", issuer)
                .add("issuerName", issuerName)
                .add("vct", "")
                .add("keyBound", true)
                .add("claims", claims)
                .add("checks", checks(report));
        return new Answer(query.id(), query.format(), issuer, List.of("*"));
    }

    private static void refuseUnlessVerified(VerificationReport report) {
        report.firstFailure().ifPresent(failure -> {
            throw new PlatformException(Problem.UNPROCESSABLE, "Not verified: " + failure.message());
        });
    }

    private static JsonArrayBuilder checks(VerificationReport report) {
        JsonArrayBuilder checks = Jsons.PROVIDER.createArrayBuilder();
        for (CheckResult result : report.results()) {
            checks.add(Jsons.PROVIDER
                    .createObjectBuilder()
                    .add("check", result.check().name())
                    .add(
                            "outcome",
                            switch (result) {
                                case CheckResult.Passed p -> "passed";
                                case CheckResult.Warning w -> "warning";
                                case CheckResult.Failed f -> "failed";
                            })
                    .add("message", result.message()));
        }
        return checks;
    }

    private Request request(ResultSet rs, int row) throws SQLException {
        String dcql = rs.getString(6);
        AuthorizationRequest authorization = new AuthorizationRequest(
                AuthorizationRequest.CLIENT_ID_PREFIX + responseUri(),
                responseUri(),
                rs.getString(7),
                rs.getString(8),
                AuthorizationRequest.queries(dcql),
                dcql);
        String claims = rs.getString(5);
        return new Request(
                rs.getObject(1, UUID.class),
                new OrganizationId(rs.getObject(2, UUID.class)),
                rs.getString(3),
                rs.getString(4),
                claims.isEmpty() ? List.of() : List.of(claims.split(",")),
                authorization,
                rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant(),
                rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(),
                rs.getString(12),
                rs.getString(13));
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A stored result, read back for the page: one entry per credential. */
    record Shown(
            String issuer,
            String issuerName,
            String format,
            boolean keyBound,
            Map<String, String> claims,
            List<Map<String, String>> checks) {}

    static List<Shown> shown(@Nullable String result) {
        if (result == null) {
            return List.of();
        }
        List<Shown> shown = new ArrayList<>();
        for (JsonValue value : StrictJson.parseObject(result).getJsonArray("credentials")) {
            JsonObject c = (JsonObject) value;
            Map<String, String> claims = new LinkedHashMap<>();
            c.getJsonObject("claims").forEach((name, v) -> claims.put(name, text(v)));
            List<Map<String, String>> checks = new ArrayList<>();
            for (JsonValue check : c.getJsonArray("checks")) {
                JsonObject o = (JsonObject) check;
                checks.add(Map.of(
                        "check",
                        o.getString("check"),
                        "outcome",
                        o.getString("outcome"),
                        "message",
                        o.getString("message")));
            }
            shown.add(new Shown(
                    c.getString("issuer"),
                    c.getString("issuerName"),
                    c.getString("format"),
                    c.getBoolean("keyBound"),
                    claims,
                    checks));
        }
        return shown;
    }

    /** A claim's value in plain words: a string as it is; alignments as their names. */
    static String text(JsonValue value) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonArray array) {
            List<String> parts = new ArrayList<>();
            for (JsonValue element : array) {
                parts.add(
                        element instanceof JsonObject o && o.get("target_name") instanceof JsonString n
                                ? n.getString()
                                : text(element));
            }
            return String.join("; ", parts);
        }
        return value.toString();
    }
}
