package org.openler.platform.jobs;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.JobId;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.kernel.Power;
import org.openler.platform.matching.Paging;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.web.Uploads;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The employer's JSON API: a draft from a title, and jobs written, listed, read, replaced and closed. Staff of the
 * employer organization read (viewer) and write (issuer or admin); its machine clients may too. A provider
 * organization has no jobs: its staff may draft (the ontology is public), but writing a job is a 409.
 */
@RestController
class JobApi {

    /** The page an employer's job list gives without {@code limit} (what it gave before it had pages). */
    static final int DEFAULT_LIST = 50;

    private final OrganizationService organizations;
    private final Jobs jobs;
    private final JobDrafts drafts;
    private final JobInput input;
    private final JobDescriptions descriptions;
    private final PlatformUrls urls;
    private final HrOpenPositions hrOpen;

    JobApi(
            OrganizationService organizations,
            Jobs jobs,
            JobDrafts drafts,
            JobInput input,
            JobDescriptions descriptions,
            PlatformUrls urls,
            HrOpenPositions hrOpen) {
        this.hrOpen = hrOpen;
        this.organizations = organizations;
        this.jobs = jobs;
        this.drafts = drafts;
        this.input = input;
        this.descriptions = descriptions;
        this.urls = urls;
    }

    /** {@code {"title": "CNC machinist", "occupation": "51-4041.00"?}} → suggestions and proposed requirements. */
    @PostMapping("/api/v1/orgs/{org}/jobs/draft")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.DRAFT_JOBS, machineClients = true)
    JobDrafts.Draft draft(@PathVariable String org, @RequestBody JsonNode body) {
        organizations.get(org);
        if (!body.isObject()) {
            throw new PlatformException(Problem.MALFORMED_REQUEST, "Send {\"title\": \"…\"}.");
        }
        JsonNode occupation = body.path("occupation");
        if (!occupation.isMissingNode() && !occupation.isNull() && !occupation.isString()) {
            throw PlatformException.invalid("occupation", "An O*NET-SOC code looks like 15-1252.00.");
        }
        if (!body.path("title").isString()) {
            throw PlatformException.invalid("title", "A job title is needed.");
        }
        return drafts.draft(
                body.path("title").asString(),
                occupation.isString() ? Optional.of(occupation.asString()) : Optional.empty());
    }

    /**
     * A new job: the JSON this API answers with, or an HR Open Standards {@code PositionOpening} ({@code ?format=hropen},
     * or a body with {@code positionProfiles}), whose mistakes are named at their place in the HR Open document.
     */
    @PostMapping("/api/v1/orgs/{org}/jobs")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.POST_JOBS, machineClients = true)
    ResponseEntity<JobView> create(
            @PathVariable String org,
            @RequestParam(required = false) @Nullable String format,
            @RequestHeader(value = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestBody JsonNode body) {
        Organization employer = employer(organizations, org);
        String f = format(format);
        // the same key and request again answer with the jobs the first one made (200, not a second 201)
        Optional<String> key = Uploads.submissionKey(Optional.ofNullable(idempotencyKey));
        String fingerprint = JobSubmissions.fingerprint(f, body.toString());
        Optional<List<Job>> earlier = key.flatMap(k -> jobs.posted(employer.id(), k, fingerprint));
        if (earlier.isPresent()) {
            return answer(org, earlier.get(), false);
        }
        List<JobContent> contents;
        boolean closed = false;
        if (HrOpenPositions.requested(f, body)) {
            List<HrOpenPositions.Imported> imported = hrOpen.readAll(body);
            contents = imported.stream().map(HrOpenPositions.Imported::content).toList();
            closed = imported.getFirst().closed();
        } else {
            contents = List.of(input.read(body));
        }
        try {
            return answer(org, jobs.createAll(employer.id(), contents, closed, key, fingerprint), true);
        } catch (DuplicateKeyException raced) {
            if (key.isEmpty()) {
                throw raced;
            }
            // another request with this key committed first: this one made nothing; answer as a replay
            return answer(
                    org,
                    jobs.posted(employer.id(), key.orElseThrow(), fingerprint).orElseThrow(),
                    false);
        }
    }

    /**
     * The first job is the answer, as for a single job; every job made (the first too) is a Link rel="item", in the
     * posting's order, so a client that reads one job still works and one that imports several finds all.
     */
    private ResponseEntity<JobView> answer(String org, List<Job> made, boolean created) {
        Job first = made.getFirst();
        return (created
                        ? ResponseEntity.created(URI.create(path(org, first)))
                        : ResponseEntity.ok().location(URI.create(path(org, first))))
                .header(
                        HttpHeaders.LINK,
                        made.stream()
                                .map(j -> "<" + path(org, j) + ">; rel=\"item\"")
                                .toArray(String[]::new))
                .body(view(first));
    }

    private static String path(String org, Job job) {
        return "/api/v1/orgs/" + org + "/jobs/" + job.id();
    }

    /**
     * {@code ?status=open|closed&occupation=15-1252.00&q=words&offset=0&limit=50}: newest first, a page at a time
     * ({@link Paging}: {@code limit} 1 to 200, 50 by default); how many jobs the filters select in {@code
     * X-Total-Count}, the other pages (with the same filters) in a {@code Link} header.
     */
    @GetMapping("/api/v1/orgs/{org}/jobs")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_JOBS, machineClients = true)
    ResponseEntity<List<JobView>> list(
            @PathVariable String org,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String occupation,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String offset,
            @RequestParam(required = false) @Nullable String limit) {
        Organization employer = organizations.get(org);
        Optional<Job.Status> s = Optional.ofNullable(status)
                .filter(x -> !x.isBlank())
                .map(x -> {
                    try {
                        return Job.Status.valueOf(x.strip().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw PlatformException.invalid("status", "open or closed.");
                    }
                });
        Optional<String> o =
                Optional.ofNullable(occupation).filter(x -> !x.isBlank()).map(String::strip);
        if (o.isPresent() && !JobInput.ONET_CODE.matcher(o.get()).matches()) {
            throw PlatformException.invalid("occupation", "An O*NET-SOC code looks like 15-1252.00.");
        }
        Optional<String> words = Optional.ofNullable(q).map(String::strip).filter(x -> !x.isEmpty());
        if (words.isPresent() && words.get().length() > JobInput.MAX_TITLE) {
            throw PlatformException.invalid("q", "At most " + JobInput.MAX_TITLE + " characters.");
        }
        Paging paging = Paging.of(offset, limit, DEFAULT_LIST, Jobs.MAX_LIST);
        Jobs.Listing listing = jobs.list(employer.id(), new JobFilter(s, o, words), paging.offset(), paging.limit());
        UriComponentsBuilder self = UriComponentsBuilder.fromUriString(urls.base() + "/api/v1/orgs/" + org + "/jobs");
        s.ifPresent(x -> self.queryParam("status", x.code()));
        o.ifPresent(x -> self.queryParam("occupation", x));
        words.ifPresent(x -> self.queryParam("q", x));
        return ResponseEntity.ok()
                .header("X-Total-Count", Integer.toString(listing.total()))
                .header(HttpHeaders.LINK, paging.links(self.encode().build().toUriString(), listing.total()))
                .body(listing.jobs().stream().map(this::view).toList());
    }

    @GetMapping("/api/v1/orgs/{org}/jobs/{id}")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_JOBS, machineClients = true)
    JobView get(@PathVariable String org, @PathVariable String id) {
        Organization employer = organizations.get(org);
        return view(jobs.get(employer.id(), id(id)));
    }

    /**
     * Replaces the job; {@code version} in the body, when given, must be the job's current version. An HR Open
     * {@code PositionOpening} is taken as POST takes it ({@code ?format=hropen}, or a body with {@code
     * positionProfiles}), with exactly one position profile; its {@code Closed} status closes the job.
     */
    @PutMapping("/api/v1/orgs/{org}/jobs/{id}")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.POST_JOBS, machineClients = true)
    JobView update(
            @PathVariable String org,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String format,
            @RequestBody JsonNode body) {
        Organization employer = employer(organizations, org);
        JobId jobId = id(id);
        jobs.get(employer.id(), jobId);
        String f = format(format);
        if (HrOpenPositions.requested(f, body)) {
            HrOpenPositions.Imported imported = hrOpen.read(body);
            // an HR Open document has no version: the replacement is unconditional, and idempotent
            Job job = jobs.update(employer.id(), jobId, imported.content(), Optional.empty());
            return view(imported.closed() ? jobs.close(employer.id(), jobId) : job);
        }
        JsonNode version = body.path("version");
        Optional<Integer> expected = version.isIntegralNumber() ? Optional.of(version.asInt()) : Optional.empty();
        return view(jobs.update(employer.id(), jobId, input.read(body), expected));
    }

    @PostMapping("/api/v1/orgs/{org}/jobs/{id}/close")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.POST_JOBS, machineClients = true)
    JobView close(@PathVariable String org, @PathVariable String id) {
        Organization employer = employer(organizations, org);
        return view(jobs.close(employer.id(), id(id)));
    }

    /** {@code ?format=} of a job written: {@code openler} (the default, "" here) or {@code hropen}. */
    private static String format(@Nullable String format) {
        String f = format == null ? "" : format.strip();
        if (!f.isEmpty() && !f.equals("hropen") && !f.equals("openler")) {
            throw PlatformException.invalid("format", "openler (the default) or hropen (an HR Open PositionOpening).");
        }
        return f;
    }

    private JobView view(Job job) {
        return JobView.of(job, urls.base() + "/jobs/" + job.id(), descriptions);
    }

    /** The employer a slug names; a provider organization is refused (jobs are an employer's). */
    static Organization employer(OrganizationService organizations, String slug) {
        Organization organization = organizations.get(slug);
        if (organization.kind() != Organization.Kind.EMPLOYER) {
            // the caller may act for the organization; the organization's kind is what refuses (so 409, not 403)
            throw PlatformException.conflict("Only employer organizations post jobs; this one is a provider.");
        }
        return organization;
    }

    static JobId id(String text) {
        return JobId.parse(text).orElseThrow(() -> PlatformException.notFound("The job"));
    }
}
