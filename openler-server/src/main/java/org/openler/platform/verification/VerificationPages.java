package org.openler.platform.verification;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.problems.ProblemResponses;
import org.openler.standards.StandardsException;
import org.openler.standards.json.StrictJson;
import org.openler.standards.verify.Check;
import org.openler.standards.verify.CheckResult;
import org.openler.standards.verify.PresentationExpectations;
import org.openler.standards.verify.VerificationReport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public verification page: paste a credential's JSON or upload its file, and read the result in plain words,
 * check by check. Input that is not JSON at all is a result too ("could not read"), never an error page.
 */
@Controller
class VerificationPages {

    /** The checks a single credential goes through, in the order the page lists them. */
    private static final List<Check> CHECKS = List.of(
            Check.PARSING,
            Check.STRUCTURE,
            Check.CONTEXTS,
            Check.PROOF,
            Check.ISSUER,
            Check.STATUS,
            Check.VALIDITY_PERIOD);

    private static final long MAX_BYTES = 1_048_576;

    /** Three base64url parts: what a VC-JWT looks like, as opposed to a JSON credential. */
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final Verification verification;

    VerificationPages(Verification verification) {
        this.verification = verification;
    }

    /** One line of the result: the check, its outcome (passed, warning, failed, skipped) and the verifier's words. */
    public record Row(String check, String outcome, String message) {}

    /** The result as the page shows it. */
    public record Result(boolean verified, boolean unreadable, List<Row> rows) {}

    /** One credential carried by a presentation: what it says (when readable) and its own checks. */
    public record CarriedCredential(
            String name, Result result, @Nullable CredentialContent content) {}

    /** A presentation: who presents it (their signature's checks are the page's result) and each credential. */
    public record PresentationResult(String holder, List<CarriedCredential> credentials) {}

    /** The checks of the presentation itself: the holder's signature; its credentials are listed one by one. */
    private static final List<Check> PRESENTATION_CHECKS =
            List.of(Check.PARSING, Check.STRUCTURE, Check.CONTEXTS, Check.PROOF);

    @GetMapping("/verify")
    @Access(Audience.PUBLIC)
    String form(Model model) {
        model.addAttribute("json", "");
        return "verification/verify";
    }

    @PostMapping("/verify")
    @Access(Audience.PUBLIC)
    String verify(
            @RequestParam(defaultValue = "") String json,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        byte[] body;
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > MAX_BYTES) {
                throw new PlatformException(Problem.PAYLOAD_TOO_LARGE, "The file is larger than 1 MB.");
            }
            body = file.getBytes();
        } else if (!json.isBlank()) {
            body = json.getBytes(StandardCharsets.UTF_8);
        } else {
            if (!ProblemResponses.wantsHtml(request)) {
                throw PlatformException.invalid("json", "Paste a credential or choose its file.");
            }
            response.setStatus(400);
            model.addAttribute("json", "");
            model.addAttribute("missing", true);
            return "verification/verify";
        }
        model.addAttribute("json", file != null && !file.isEmpty() ? "" : json);
        Optional<JsonObject> presentation = presentation(body);
        if (presentation.isPresent()) {
            // The file a share page offers for download: the holder's signature is checked without a challenge (this
            // page did not ask for one), and each credential it carries on its own
            VerificationReport report =
                    verification.verifyPresentation(presentation.get(), PresentationExpectations.NONE);
            model.addAttribute("result", result(report, PRESENTATION_CHECKS));
            model.addAttribute("presentation", carried(presentation.get()));
            return "verification/verify";
        }
        model.addAttribute("result", result(verify(body)));
        model.addAttribute("credentialContent", content(body).orElse(null));
        return "verification/verify";
    }

    /**
     * Verifies the credential, unwrapping the {@code {"verifiableCredential": …}} an issuer's API answers with, so
     * that what a provider downloads can be pasted as it is. A VC-JWT (a compact JWS, pasted or in a file, or wrapped
     * the same way as a JSON string) is verified as one.
     */
    private VerificationReport verify(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (COMPACT_JWS.matcher(text).matches()) {
            return verification.verifyJwt(text);
        }
        try {
            JsonObject parsed = StrictJson.parseObject(body);
            if (parsed.size() == 1 && parsed.get("verifiableCredential") instanceof JsonObject credential) {
                return verification.verifyCredential(credential);
            }
            if (parsed.size() == 1 && parsed.get("verifiableCredential") instanceof JsonString jwt) {
                return verification.verifyJwt(jwt.getString());
            }
        } catch (StandardsException e) {
            // not readable: the verifier says why, as its parsing check
        }
        return verification.verifyCredential(body);
    }

    /**
     * A verifiable presentation, as a share page's download gives it or wrapped as the VC-API sends it
     * ({@code {"verifiablePresentation": …}}); empty for anything else.
     */
    private static Optional<JsonObject> presentation(byte[] body) {
        try {
            JsonObject parsed = StrictJson.parseObject(body);
            if (parsed.get("verifiablePresentation") instanceof JsonObject wrapped) {
                return Optional.of(wrapped);
            }
            return types(parsed).contains("VerifiablePresentation") ? Optional.of(parsed) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> types(JsonObject object) {
        return switch (object.get("type")) {
            case JsonString one -> List.of(one.getString());
            case jakarta.json.JsonArray many ->
                many.stream()
                        .filter(JsonString.class::isInstance)
                        .map(t -> ((JsonString) t).getString())
                        .toList();
            case null, default -> List.of();
        };
    }

    /** Each embedded credential of a presentation, verified on its own, with what it says. */
    private PresentationResult carried(JsonObject presentation) {
        String holder = presentation.get("holder") instanceof JsonString s
                ? s.getString()
                : presentation.get("holder") instanceof JsonObject o && o.get("id") instanceof JsonString id
                        ? id.getString()
                        : "";
        List<jakarta.json.JsonValue> values = switch (presentation.get("verifiableCredential")) {
            case jakarta.json.JsonArray many -> many;
            case null -> List.of();
            case jakarta.json.JsonValue one -> List.of(one);
        };
        List<CarriedCredential> credentials = new ArrayList<>();
        for (jakarta.json.JsonValue value : values) {
            if (!(value instanceof JsonObject credential) || !credential.containsKey("credentialSubject")) {
                continue; // enveloped (an SD-JWT VC in a data: URL): the presentation's own checks say how it fared
            }
            CredentialContent content;
            try {
                content = CredentialContent.of(credential);
            } catch (RuntimeException e) {
                content = null;
            }
            String name =
                    content != null && !content.name().isEmpty() ? content.name() : "#" + (credentials.size() + 1);
            credentials.add(new CarriedCredential(name, result(verification.verifyCredential(credential)), content));
        }
        return new PresentationResult(holder, credentials);
    }

    /** What the credential says (a JSON credential, or one wrapped as an issuer's API answers), for the page. */
    private static Optional<CredentialContent> content(byte[] body) {
        try {
            JsonObject parsed = StrictJson.parseObject(body);
            if (parsed.size() == 1 && parsed.get("verifiableCredential") instanceof JsonObject credential) {
                return Optional.of(CredentialContent.of(credential));
            }
            return parsed.containsKey("credentialSubject")
                    ? Optional.of(CredentialContent.of(parsed))
                    : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // a compact JWS or unreadable: the checks say what there is to say
        }
    }

    static Result result(VerificationReport report) {
        return result(report, CHECKS);
    }

    static Result result(VerificationReport report, List<Check> checks) {
        List<Row> rows = new ArrayList<>();
        for (Check check : checks) {
            List<CheckResult> results =
                    report.results().stream().filter(r -> r.check() == check).toList();
            if (results.isEmpty()) {
                rows.add(new Row(name(check), "skipped", ""));
            }
            results.forEach(r -> rows.add(row(r)));
        }
        report.results().stream().filter(r -> !checks.contains(r.check())).forEach(r -> rows.add(row(r)));
        boolean unreadable = report.result(Check.PARSING).orElse(null) instanceof CheckResult.Failed;
        return new Result(report.verified(), unreadable, rows);
    }

    private static Row row(CheckResult result) {
        return switch (result) {
            case CheckResult.Passed p -> new Row(name(p.check()), "passed", p.message());
            case CheckResult.Warning w -> new Row(name(w.check()), "warning", w.message());
            case CheckResult.Failed f -> new Row(name(f.check()), "failed", f.message());
        };
    }

    private static String name(Check check) {
        return check.name();
    }
}
