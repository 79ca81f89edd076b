package org.openler.platform.articulation;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.problems.ProblemResponses;
import org.openler.platform.web.Uploads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Large imports as jobs: {@code POST /orgs/<org>/articulation/imports} takes a registrar's CSV or a CTDL graph (a body,
 * or the multipart field {@code file} from the college's page) and answers at once, 202 with the job's address; the
 * job's JSON ({@code GET …/imports/<id>}) and page ({@code …/imports/<id>/progress} in {@link ImportPages}, reloading
 * itself while it runs) show rules done of the total and the rows refused so far. The same {@code Idempotency-Key} makes no second job.
 */
@RestController
class RuleImportApi {

    private final OrganizationService organizations;
    private final RuleImportJobs jobs;

    RuleImportApi(OrganizationService organizations, RuleImportJobs jobs) {
        this.organizations = organizations;
        this.jobs = jobs;
    }

    static String jobPath(String org, UUID id) {
        return "/orgs/" + org + "/articulation/imports/" + id;
    }

    static String pagePath(String org, UUID id) {
        return jobPath(org, id) + "/progress";
    }

    @PostMapping("/orgs/{org}/articulation/imports")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_ARTICULATION, machineClients = true)
    ResponseEntity<RuleImportJobs.Status> submit(
            @PathVariable String org,
            HttpServletRequest request,
            @RequestHeader(value = "Idempotency-Key", required = false) @Nullable String key) {
        Organization college = organizations.get(org);
        Upload upload = checked(upload(request));
        RuleImportJobs.Submitted submitted = jobs.submit(
                college.id(), upload.format(), upload.bytes(), Actors.current().auditName(), Optional.ofNullable(key));
        RuleImportJobs.Status job = submitted.status();
        if (ProblemResponses.wantsHtml(request)) {
            return ResponseEntity.status(303)
                    .location(URI.create(pagePath(org, job.id())))
                    .build();
        }
        return ResponseEntity.status(submitted.created() ? 202 : 200)
                .location(URI.create(jobPath(org, job.id())))
                .body(job);
    }

    @GetMapping(value = "/orgs/{org}/articulation/imports/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_ARTICULATION, machineClients = true)
    RuleImportJobs.Status status(@PathVariable String org, @PathVariable String id) {
        return find(org, id);
    }

    RuleImportJobs.Status find(String org, String id) {
        return jobs.status(organizations.get(org).id(), ArticulationApi.uuid(id, "The import"))
                .orElseThrow(() -> PlatformException.notFound("The import"));
    }

    record Upload(RuleImportJobs.Format format, byte[] bytes) {}

    /**
     * What can be told at once, before a job is made: a CTDL upload must be JSON, a CSV must start with the header
     * row naming the columns. Rule by rule checks happen in the job, row errors in its progress.
     */
    static Upload checked(Upload upload) {
        if (upload.format() == RuleImportJobs.Format.CTDL) {
            try {
                RuleDraft.JSON.readTree(upload.bytes());
            } catch (tools.jackson.core.JacksonException e) {
                throw new PlatformException(Problem.MALFORMED_REQUEST, "The body is not JSON.");
            }
            return upload;
        }
        String start = new String(upload.bytes(), 0, Math.min(upload.bytes().length, 4096), StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT);
        String header = start.lines().findFirst().orElse("");
        if (!header.contains("source_name") || !header.contains("course_code")) {
            throw PlatformException.invalid(
                    "file", "The first row names the columns: " + String.join(",", RuleCsv.COLUMNS) + ".");
        }
        return upload;
    }

    /** The file: the multipart field {@code file} (CSV unless it is named .json or .jsonld), or the body as sent. */
    static Upload upload(HttpServletRequest request) {
        Optional<MultipartFile> uploaded = Uploads.file(request, "Choose a CSV or CTDL JSON-LD file to upload.");
        try {
            if (uploaded.isPresent()) {
                MultipartFile file = uploaded.get();
                String name = Optional.ofNullable(file.getOriginalFilename())
                        .orElse("")
                        .toLowerCase(Locale.ROOT);
                RuleImportJobs.Format format = name.endsWith(".json") || name.endsWith(".jsonld")
                        ? RuleImportJobs.Format.CTDL
                        : RuleImportJobs.Format.CSV;
                return new Upload(format, file.getBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = Optional.ofNullable(request.getContentType()).orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return new Upload(RuleImportJobs.Format.CSV, ArticulationApi.body(request));
        }
        if (type.startsWith("application/ld+json") || type.startsWith("application/json")) {
            return new Upload(RuleImportJobs.Format.CTDL, ArticulationApi.body(request));
        }
        throw new PlatformException(
                Problem.UNSUPPORTED_MEDIA_TYPE,
                "Send text/csv (the registrar's CSV), application/ld+json (CTDL), or the multipart field \"file\".");
    }
}
