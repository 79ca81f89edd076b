package org.openler.platform.obapi;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.wallet.WalletImport;
import org.openler.standards.StandardsException;
import org.openler.standards.json.StrictJson;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The resource operations the Open Badges 3.0 API and the CLR 2.0 API share — {@code getCredentials},
 * {@code upsertCredential}, {@code getProfile}, {@code putProfile} — for the learner the bearer token names. Each API
 * is a subclass that fixes the path and the kind of credential. {@link Access} says {@code PUBLIC} because the
 * platform's session rules do not apply here: {@link ObResourceSecurity}'s chain demands a bearer token with the
 * operation's scope before the handler runs, and every refusal is an {@link ImsxStatusInfo}.
 */
abstract class ObResourceApi {

    /** The most credentials one page may hold, and the page size when the client asks for none. */
    static final int MAX_LIMIT = 100;

    private final ObStandard standard;
    private final ObLearners learners;
    private final ObCredentials credentials;
    private final WalletImport imports;
    private final AccountService accounts;
    private final PlatformUrls urls;
    private final AuditLog audit;

    ObResourceApi(
            ObStandard standard,
            ObLearners learners,
            ObCredentials credentials,
            WalletImport imports,
            AccountService accounts,
            PlatformUrls urls,
            AuditLog audit) {
        this.standard = standard;
        this.learners = learners;
        this.credentials = credentials;
        this.imports = imports;
        this.accounts = accounts;
        this.urls = urls;
        this.audit = audit;
    }

    /**
     * {@code getCredentials}: the learner's credentials of this API's kind, {@code offset} and {@code limit} paging
     * them in the learner's order; {@code since} keeps those valid from that instant on. The total is in
     * {@code X-Total-Count}, the other pages in an RFC 8288 {@code Link} header (first, prev, next, last).
     */
    @GetMapping("/credentials")
    @Access(Audience.PUBLIC)
    ResponseEntity<String> getCredentials(
            @RequestParam(value = "limit", required = false) @Nullable String limitParam,
            @RequestParam(value = "offset", required = false) @Nullable String offsetParam,
            @RequestParam(value = "since", required = false) @Nullable String sinceParam,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
        ObLearners.Caller caller = learners.current();
        int limit = number(limitParam, "limit", 1, MAX_LIMIT).orElse(MAX_LIMIT);
        int offset = number(offsetParam, "offset", 0, Integer.MAX_VALUE).orElse(0);
        @Nullable Instant since = since(sinceParam);
        ObCredentials.Page found = credentials.page(caller.accountId(), standard, since, offset, limit);
        int total = found.total();
        List<ObCredentials.Listed> page = found.credentials();
        JsonArrayBuilder json = Json.createArrayBuilder();
        JsonArrayBuilder jws = Json.createArrayBuilder();
        for (ObCredentials.Listed one : page) {
            if (one.compactJws() != null) {
                jws.add(one.compactJws());
            } else {
                json.add(one.credential());
            }
        }
        JsonObject body = Json.createObjectBuilder()
                .add("credential", json)
                .add("compactJwsString", jws)
                .build();
        String written = StrictJson.write(body);
        String links = links(total, limit, offset, sinceParam);
        // The page's entity tag covers everything a client would cache: the credentials and the paging headers.
        String etag = EntityTags.of(written, Integer.toString(total), links);
        // The specification's 304: a client that already holds this page is told so without the body.
        boolean unchanged = EntityTags.matches(ifNoneMatch, etag);
        record(caller, "getCredentials: " + page.size() + " of " + total + (unchanged ? " (not modified)" : ""));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(unchanged ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
                .eTag(etag)
                .header("X-Total-Count", Integer.toString(total))
                .header(HttpHeaders.LINK, links)
                // private: only the learner's application may keep it; no-cache: it must ask again (If-None-Match)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        return unchanged
                ? answer.build()
                : answer.contentType(MediaType.APPLICATION_JSON).body(written);
    }

    /**
     * {@code upsertCredential}: one credential of this API's kind, as JSON with an embedded proof
     * ({@code application/json}) or as a compact VC-JWT ({@code text/plain}), verified as any import is. A new version
     * of one the learner holds (same {@code id}, same issuer) takes its place: 200; otherwise it is added: 201. The
     * answer carries the credential as it was sent.
     */
    @PostMapping("/credentials")
    @Access(Audience.PUBLIC)
    ResponseEntity<String> upsertCredential(
            @RequestBody(required = false) @Nullable String body,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType) {
        ObLearners.Caller caller = learners.current();
        String text = body == null ? "" : body.strip();
        String type =
                contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        // the specification's two forms, and the media types of VC-JWT and JSON-LD credentials that mean the same
        boolean compact = type.equals(MediaType.TEXT_PLAIN_VALUE)
                || type.equals("application/vc+jwt")
                || type.equals("application/jwt");
        boolean json = type.equals(MediaType.APPLICATION_JSON_VALUE)
                || type.equals("application/ld+json")
                || type.equals("application/vc+ld+json")
                || type.equals("application/vc");
        if (!compact && !json) {
            throw new ObRefusal(ImsxStatusInfo.failure(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unknown",
                    "Send the credential as application/json, or its compact JWS as text/plain."));
        }
        if (text.isEmpty()) {
            throw new ObRefusal(ImsxStatusInfo.invalidData("The body is empty: send one credential."));
        }
        JsonObject sent;
        try {
            sent = compact
                    ? ObCredentials.credentialOfJwt(text)
                            .orElseThrow(() -> new ObRefusal(
                                    ImsxStatusInfo.invalidData("The text/plain body is not a compact JWS.")))
                    : StrictJson.parseObject(text);
        } catch (StandardsException | IllegalArgumentException e) {
            throw new ObRefusal(ImsxStatusInfo.invalidData(
                    compact ? "The text/plain body is not a compact JWS." : "The body is not a JSON object."));
        }
        if (!ObCredentials.isOfKind(sent, standard)) {
            throw new ObRefusal(ImsxStatusInfo.invalidData(
                    "This API takes credentials typed " + String.join(" or ", standard.credentialTypes()) + "."));
        }
        Optional<UUID> existing = credentials.sameCredential(caller.accountId(), sent);
        WalletImport.Upserted upserted = imports.upsert(
                new Actor.Person(caller.accountId(), AccountKind.LEARNER, false),
                text,
                existing.orElse(null),
                "the " + standard.title() + " API by client " + caller.client().getClientId());
        record(caller, "upsertCredential: " + (upserted.replaced() ? "replaced" : "added"));
        return ResponseEntity.status(upserted.replaced() ? HttpStatus.OK : HttpStatus.CREATED)
                .contentType(compact ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(text);
    }

    /** {@code getProfile}: the learner as a Profile (their account id as a URN, their name and e-mail address). */
    @GetMapping("/profile")
    @Access(Audience.PUBLIC)
    ResponseEntity<Map<String, Object>> getProfile() {
        ObLearners.Caller caller = learners.current();
        record(caller, "getProfile");
        return profile(caller.learner());
    }

    /**
     * {@code putProfile}: changes what the platform lets the learner's applications change — the {@code name} the
     * learner goes by. The e-mail address (the sign-in) and the id are the platform's and stay as they are; other
     * Profile fields are not kept. Answers the profile as it now is.
     */
    @PutMapping("/profile")
    @Access(Audience.PUBLIC)
    ResponseEntity<Map<String, Object>> putProfile(@RequestBody(required = false) @Nullable String body) {
        ObLearners.Caller caller = learners.current();
        JsonObject sent;
        try {
            sent = StrictJson.parseObject(body == null ? "" : body);
        } catch (StandardsException e) {
            throw new ObRefusal(ImsxStatusInfo.invalidData("The body is not a JSON Profile."));
        }
        if (!(sent.get("name") instanceof jakarta.json.JsonString name)
                || name.getString().isBlank()
                || name.getString().strip().length() > 200) {
            throw new ObRefusal(ImsxStatusInfo.invalidData(
                    "The Profile needs a name of 1 to 200 characters: that is what changes."));
        }
        accounts.rename(caller.accountId(), name.getString());
        record(caller, "putProfile");
        Account now = accounts.find(caller.accountId()).orElse(caller.learner());
        return profile(now);
    }

    private ResponseEntity<Map<String, Object>> profile(Account learner) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", "urn:uuid:" + learner.id().value());
        profile.put("type", List.of("Profile"));
        profile.put("name", learner.displayName());
        profile.put("email", learner.email().value());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(profile);
    }

    /** Every use of a learner's data by an application is on the learner's record (never the data itself). */
    private void record(ObLearners.Caller caller, String operation) {
        audit.record(new AuditEvent(
                AuditAction.APP_ACCESS,
                "client:" + caller.client().getClientId(),
                null,
                "account:" + caller.accountId().value(),
                AuditEvent.Outcome.SUCCESS,
                standard.title() + " " + operation));
    }

    /** RFC 8288 links to the first, previous, next and last pages, each with the same limit (and since). */
    private String links(int total, int limit, int offset, @Nullable String since) {
        List<String> links = new ArrayList<>();
        int last = total == 0 ? 0 : ((total - 1) / limit) * limit;
        if (offset + limit < total) {
            links.add(link(limit, offset + limit, since, "next"));
        }
        links.add(link(limit, last, since, "last"));
        links.add(link(limit, 0, since, "first"));
        if (offset > 0) {
            links.add(link(limit, Math.max(0, Math.min(offset - limit, last)), since, "prev"));
        }
        return String.join(", ", links);
    }

    private String link(int limit, int offset, @Nullable String since, String relation) {
        String query = "?limit=" + limit + "&offset=" + offset
                + (since == null ? "" : "&since=" + URLEncoder.encode(since, StandardCharsets.UTF_8));
        return "<" + urls.base() + standard.apiPath() + "/credentials" + query + ">; rel=\"" + relation + "\"";
    }

    private static Optional<Integer> number(@Nullable String value, String name, int least, int most) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < least || number > most) {
                throw new NumberFormatException();
            }
            return Optional.of(number);
        } catch (NumberFormatException e) {
            throw new ObRefusal(ImsxStatusInfo.invalidQuery("'" + name + "' must be a whole number from " + least
                    + (most == Integer.MAX_VALUE ? " up" : " to " + most) + "."));
        }
    }

    private static @Nullable Instant since(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ObRefusal(
                    ImsxStatusInfo.invalidQuery("'since' must be a date and time such as 2026-01-01T00:00:00Z."));
        }
    }

    // Refusals on these routes are the specification's Imsx_StatusInfo, never problem+json.

    @ExceptionHandler(ObRefusal.class)
    ResponseEntity<Map<String, Object>> refused(ObRefusal refusal) {
        return refusal.status().response();
    }

    @ExceptionHandler(PlatformException.class)
    ResponseEntity<Map<String, Object>> platform(PlatformException error) {
        ImsxStatusInfo status = switch (error.problem()) {
            case NOT_FOUND -> ImsxStatusInfo.notFound(error.detail());
            case UNPROCESSABLE, INVALID_INPUT -> ImsxStatusInfo.invalidData(error.detail());
            case MALFORMED_REQUEST -> ImsxStatusInfo.failure(HttpStatus.BAD_REQUEST, "invalid_data", error.detail());
            case FORBIDDEN -> ImsxStatusInfo.forbidden(error.detail());
            case UNAUTHENTICATED -> ImsxStatusInfo.unauthorized(error.detail());
            default -> ImsxStatusInfo.failure(error.problem().status(), "unknown", error.detail());
        };
        return status.response();
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException error, HttpServletRequest request) {
        return ImsxStatusInfo.failure(HttpStatus.BAD_REQUEST, "invalid_data", "The request body could not be read.")
                .response();
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, Object>> badQuery(Exception error) {
        return ImsxStatusInfo.invalidQuery("A query parameter is missing or not valid.")
                .response();
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException error) {
        return ImsxStatusInfo.failure(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "This API answers in JSON.")
                .response();
    }
}
