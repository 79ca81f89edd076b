package org.openler.platform.verification;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.standards.json.StrictJson;
import org.openler.standards.sdjwt.KeyBindingExpectations;
import org.openler.standards.verify.CheckResult;
import org.openler.standards.verify.PresentationExpectations;
import org.openler.standards.verify.Profile;
import org.openler.standards.verify.VerificationReport;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * VC-API verification: {@code POST /credentials/verify} and {@code POST /presentations/verify}. 200 with the checks
 * when verified; 422 problem details (VC DM 2.0 problem type of the first failure) with every check when not; 400
 * when the body cannot be read at all.
 */
@RestController
class VerificationApi {

    private final Verification verification;

    VerificationApi(Verification verification) {
        this.verification = verification;
    }

    /**
     * Takes {@code {"verifiableCredential": {…}}} (or the bare credential) with a Data Integrity credential, or
     * {@code {"verifiableCredential": "<compact JWS>"}} with an Open Badges 3.0 VC-JWT — the shape the issue API
     * answers with, so an issued credential can be posted back as it came — or an SD-JWT VC as that same string.
     */
    @PostMapping(value = "/credentials/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    ResponseEntity<Map<String, Object>> verifyCredential(@RequestBody byte[] body) {
        JsonObject request = parse(body);
        if (request.containsKey("verifiableCredential") && request.containsKey("options")) {
            return vcApiCredential(request);
        }
        JsonValue credential =
                request.containsKey("verifiableCredential") ? request.get("verifiableCredential") : request;
        if (credential instanceof JsonString sdJwt && sdJwt.getString().contains("~")) {
            // An SD-JWT VC as issued (its disclosures, no Key Binding JWT: a presentation is bound to a verifier's
            // nonce, which this endpoint has none of).
            return answer(verification
                    .verifySdJwt(sdJwt.getString(), KeyBindingExpectations.none())
                    .report());
        }
        if (credential instanceof JsonString jwt) {
            return answer(verification.verifyJwt(jwt.getString()));
        }
        if (!(credential instanceof JsonObject object)) {
            throw new PlatformException(
                    Problem.MALFORMED_REQUEST,
                    "Send {\"verifiableCredential\": {…}} with a JSON-LD credential, or {\"verifiableCredential\":"
                            + " \"<compact JWS>\"} with a VC-JWT.");
        }
        return answer(verification.verifyCredential(object));
    }

    /** A VC-JWT posted as it is ({@code Content-Type: application/jwt}, the compact JWS as the body). */
    @PostMapping(value = "/credentials/verify", consumes = "application/jwt")
    @Access(Audience.PUBLIC)
    ResponseEntity<Map<String, Object>> verifyJwt(@RequestBody byte[] body) {
        return answer(verification.verifyJwt(new String(body, StandardCharsets.UTF_8)));
    }

    /**
     * VC-API {@code VerifyPresentationRequest}: {@code {"verifiablePresentation": {…}, "options": {"challenge",
     * "domain"}}}. With {@code options} the answer is in the VC-API form ({@link VcApiResponse}) beside the problem
     * details; without, OpenLER's own.
     */
    @PostMapping(value = "/presentations/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    ResponseEntity<Map<String, Object>> verifyPresentation(@RequestBody byte[] body) {
        JsonObject request = parse(body);
        if (!(request.get("verifiablePresentation") instanceof JsonObject presentation)) {
            throw new PlatformException(
                    Problem.MALFORMED_REQUEST, "Send {\"verifiablePresentation\": {…}, \"options\": {…}}.");
        }
        JsonObject options = options(request);
        Optional<String> challenge = string(options, "challenge");
        Optional<String> domain = string(options, "domain");
        PresentationExpectations expected = new PresentationExpectations(challenge, domain);
        VerificationReport report = verification.verifyPresentation(presentation, expected);
        return request.containsKey("options") ? vcApiAnswer(report) : answer(report);
    }

    /**
     * VC-API {@code VerifyCredentialRequest}: {@code {"verifiableCredential": …, "options": {…}}}. Options read:
     * {@code profile} ({@code "open-badges"} holds the credential to the Open Badges 3.0 / CLR 2.0 rules whatever its
     * type; {@code "vc"}, the default, applies them only when the type names them) and {@code checks} (VC-API's list of
     * checks to run: every check runs anyway, and the answer names them).
     */
    private ResponseEntity<Map<String, Object>> vcApiCredential(JsonObject request) {
        JsonObject options = options(request);
        Profile profile = switch (string(options, "profile").orElse("vc")) {
            case "vc" -> Profile.BY_TYPE;
            case "open-badges" -> Profile.OPEN_BADGES;
            default ->
                throw PlatformException.invalid("options.profile", "Use \"vc\" (the default) or \"open-badges\".");
        };
        JsonValue credential = request.get("verifiableCredential");
        if (credential instanceof JsonString sdJwt && sdJwt.getString().contains("~")) {
            return vcApiAnswer(verification
                    .verifySdJwt(sdJwt.getString(), KeyBindingExpectations.none())
                    .report());
        }
        if (credential instanceof JsonString jwt) {
            return vcApiAnswer(verification.verifyJwt(jwt.getString()));
        }
        if (!(credential instanceof JsonObject object)) {
            throw PlatformException.invalid(
                    "verifiableCredential", "A JSON-LD credential object, or a VC-JWT as a JSON string.");
        }
        return vcApiAnswer(verification.verifyCredential(object, profile));
    }

    private static JsonObject options(JsonObject request) {
        JsonValue options = request.get("options");
        if (options == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (!(options instanceof JsonObject object)) {
            throw PlatformException.invalid("options", "options must be a JSON object.");
        }
        return object;
    }

    /** The VC-API form; a failure is also problem+json (422, the VC DM 2.0 type of its first failure). */
    private static ResponseEntity<Map<String, Object>> vcApiAnswer(VerificationReport report) {
        Map<String, Object> body = VcApiResponse.of(report);
        if (report.verified()) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
        }
        CheckResult.Failed first = report.firstFailure().orElseThrow();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", first.problemType().uri().toString());
        problem.put("title", "Verification failed");
        problem.put("status", 422);
        problem.put("detail", first.message());
        problem.putAll(body);
        return ResponseEntity.unprocessableContent()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static JsonObject parse(byte[] body) {
        return StrictJson.parseObject(body);
    }

    private static Optional<String> string(JsonObject object, String key) {
        return object.get(key) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    private static ResponseEntity<Map<String, Object>> answer(VerificationReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, String>> checks = checks(report);
        if (report.verified()) {
            body.put("verified", true);
            body.put("checks", checks);
            body.put(
                    "warnings",
                    report.warnings().stream().map(CheckResult.Warning::message).toList());
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
        }
        CheckResult.Failed first = report.firstFailure().orElseThrow();
        body.put("type", first.problemType().uri().toString());
        body.put("title", "Verification failed");
        body.put("status", 422);
        body.put("detail", first.message());
        body.put("verified", false);
        body.put("checks", checks);
        body.put(
                "errors",
                report.failures().stream().map(CheckResult.Failed::message).toList());
        return ResponseEntity.unprocessableContent()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    static List<Map<String, String>> checks(VerificationReport report) {
        return report.results().stream()
                .map(r -> switch (r) {
                    case CheckResult.Passed p ->
                        Map.of("check", name(p.check()), "result", "passed", "message", p.message());
                    case CheckResult.Warning w ->
                        Map.of("check", name(w.check()), "result", "warning", "message", w.message());
                    case CheckResult.Failed f ->
                        Map.of("check", name(f.check()), "result", "failed", "message", f.message());
                })
                .toList();
    }

    private static String name(Enum<?> check) {
        return check.name().toLowerCase();
    }
}
