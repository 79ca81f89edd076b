package org.openler.platform.talent;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.kernel.PublicUrl;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The employer's side as JSON: an anonymous search, invitations to a pseudonym, and the answer to each. Staff of an
 * employer organization (viewers and up) and its machine clients; a provider is refused.
 */
@RestController
class TalentApi {

    private final OrganizationService organizations;
    private final TalentSearch search;
    private final Invitations invitations;

    TalentApi(OrganizationService organizations, TalentSearch search, Invitations invitations) {
        this.organizations = organizations;
        this.search = search;
        this.invitations = invitations;
    }

    record SkillRequest(@Nullable String uri, @Nullable Double weight) {}

    record SearchRequest(
            @Nullable List<SkillRequest> skills,
            @Nullable String job,
            @Nullable Integer page,
            @Nullable Integer size,
            @Nullable String location,
            @Nullable String availability) {}

    record InvitationRequest(
            @Nullable String pseudonym,
            @Nullable String job,
            @Nullable String message) {}

    /** The employer's view with the share's full link, when there is one. */
    record InvitationView(
            UUID id,
            String pseudonym,
            String answer,
            @Nullable String job,
            @Nullable String name,
            List<String> credentials,
            @Nullable String share) {
        static InvitationView of(Invitations.ForEmployer e) {
            return new InvitationView(
                    e.id(),
                    e.pseudonym(),
                    e.answer(),
                    e.job(),
                    e.name(),
                    e.credentials(),
                    e.shareToken() == null ? null : PublicUrl.current() + "/share/" + e.shareToken());
        }
    }

    @PostMapping(
            value = "/orgs/{org}/talent/search",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.SEARCH_TALENT, machineClients = true)
    TalentSearch.Result search(@PathVariable String org, @RequestBody SearchRequest request) {
        Organization employer = organizations.get(org);
        List<SkillRequest> skills = request.skills() == null ? List.of() : request.skills();
        if (skills.size() > TalentSearch.MAX_QUERY_SKILLS) {
            throw PlatformException.invalid("skills", "Ask for at most " + TalentSearch.MAX_QUERY_SKILLS + " skills.");
        }
        List<TalentSearch.Wanted> wanted = skills.stream()
                .map(s -> new TalentSearch.Wanted(
                        s == null || s.uri() == null ? "" : s.uri(),
                        s == null || s.weight() == null ? 1.0 : s.weight()))
                .toList();
        return search.search(
                employer,
                new TalentSearch.Query(
                        wanted,
                        uuid(request.job(), "job"),
                        request.page() == null ? 0 : request.page(),
                        request.size() == null ? TalentSearch.DEFAULT_PAGE_SIZE : request.size(),
                        TalentFilters.of(request.location(), request.availability())));
    }

    @PostMapping(
            value = "/orgs/{org}/talent/invitations",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.INVITE_TALENT, machineClients = true)
    ResponseEntity<InvitationView> invite(@PathVariable String org, @RequestBody InvitationRequest request) {
        Organization employer = organizations.get(org);
        String pseudonym =
                request.pseudonym() == null ? "" : request.pseudonym().strip();
        if (pseudonym.isEmpty() || pseudonym.length() > 40) {
            throw PlatformException.invalid("pseudonym", "Name a candidate by the pseudonym your search showed.");
        }
        Invitations.ForEmployer created = invitations.invite(
                employer, pseudonym, uuid(request.job(), "job"), request.message() == null ? "" : request.message());
        return ResponseEntity.created(URI.create("/orgs/" + org + "/talent/invitations/" + created.id()))
                .body(InvitationView.of(created));
    }

    @GetMapping(value = "/orgs/{org}/talent/invitations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.SEARCH_TALENT, machineClients = true)
    List<InvitationView> sent(@PathVariable String org) {
        return invitations.sent(organizations.get(org)).stream()
                .map(InvitationView::of)
                .toList();
    }

    @GetMapping(value = "/orgs/{org}/talent/invitations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.SEARCH_TALENT, machineClients = true)
    InvitationView invitation(@PathVariable String org, @PathVariable String id) {
        return InvitationView.of(invitations.forEmployer(
                organizations.get(org),
                uuid(id, "id").map(InvitationId::new).orElseThrow(() -> PlatformException.notFound("The invitation"))));
    }

    /** Over the employer's searches per minute: 429 with Retry-After, as problem+json. */
    @ExceptionHandler(SearchLimits.Exceeded.class)
    ResponseEntity<ProblemDetail> throttled(SearchLimits.Exceeded e, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS,
                "This organization ran too many talent searches in the last minute. Try again after the Retry-After"
                        + " delay.");
        body.setType(URI.create(Problem.TYPE_BASE + "too-many-requests"));
        body.setTitle("Too many requests");
        body.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    static Optional<UUID> uuid(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid(field, "Not an id.");
        }
    }
}
