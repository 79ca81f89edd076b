package org.openler.platform.bulk;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.issuing.AchievementDefinition;
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
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk issuance from CSV: {@code POST /orgs/<org>/credentials/bulk} (a {@code text/csv} body, or the field
 * {@code file} of a multipart upload, at most 1 MB) makes a job and answers 202 with its URL; the job runs in the
 * background on any instance; {@code GET /orgs/<org>/credentials/bulk/<job>} reports its progress and each failed
 * row's number and reason ({@code ?rows=true} adds every issued row's credential id). An {@code Idempotency-Key}
 * header makes re-sending the same upload return the same job.
 */
@RestController
class BulkApi {

    static final int MAX_BYTES = 1_048_576;

    private final OrganizationService organizations;
    private final BulkJobs jobs;

    BulkApi(OrganizationService organizations, BulkJobs jobs) {
        this.organizations = organizations;
        this.jobs = jobs;
    }

    record RowView(
            int row,
            @Nullable String credentialId,
            @Nullable String code,
            @Nullable String reason) {}

    record JobView(
            String id,
            String status,
            int total,
            int done,
            int failed,
            int pending,
            String submittedAt,
            String page,
            List<RowView> errors,
            @Nullable List<RowView> issued) {

        static JobView of(BulkJobs.Progress progress, String org, boolean withIssued) {
            return new JobView(
                    progress.id().toString(),
                    progress.finished() ? "completed" : "running",
                    progress.total(),
                    progress.done(),
                    progress.failed(),
                    progress.pending(),
                    progress.submittedAt().toString(),
                    BulkPages.pagePath(org, progress.id()),
                    progress.errors().stream().map(BulkApi::view).toList(),
                    withIssued ? progress.issued().stream().map(BulkApi::view).toList() : null);
        }
    }

    @PostMapping("/orgs/{org}/credentials/bulk")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.ISSUE_CREDENTIALS, machineClients = true)
    ResponseEntity<JobView> submit(
            @PathVariable String org,
            HttpServletRequest request,
            @RequestHeader(value = "Idempotency-Key", required = false) @Nullable String submissionKey) {
        Organization organization = organizations.get(org);
        byte[] csv = csv(request);
        BulkJobs.Submitted job;
        try {
            job = jobs.submit(organization.id(), csv, Optional.ofNullable(submissionKey), Actors.current());
        } catch (BulkJobs.SubmissionReplay replay) {
            job = new BulkJobs.Submitted(
                    jobs.bySubmissionKey(organization.id(), replay.key).orElseThrow(), false);
        }
        if (ProblemResponses.wantsHtml(request)) {
            return ResponseEntity.status(303)
                    .location(URI.create(BulkPages.pagePath(org, job.id())))
                    .build();
        }
        BulkJobs.Progress progress =
                jobs.progress(organization.id(), job.id(), false).orElseThrow();
        return ResponseEntity.status(job.created() ? 202 : 200)
                .location(URI.create(jobPath(org, job.id())))
                .body(JobView.of(progress, org, false));
    }

    /**
     * A CSV to fill in for one achievement: the header and an example row naming it, so a provider never copies an
     * id from anywhere (the file may name the achievement instead of giving its id).
     */
    @GetMapping("/orgs/{org}/credentials/bulk/template")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.ISSUE_CREDENTIALS, machineClients = true)
    ResponseEntity<String> template(@PathVariable String org, @RequestParam(defaultValue = "") String achievement) {
        Organization organization = organizations.get(org);
        UUID id;
        try {
            id = UUID.fromString(achievement.strip());
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid("achievement", "Give the id of one of this organization's achievements.");
        }
        Map<UUID, String> names = jobs.names(organization.id());
        String name = names.get(id);
        if (name == null) {
            throw PlatformException.notFound("The achievement");
        }
        boolean shared = names.values().stream().filter(name::equalsIgnoreCase).count() > 1;
        AchievementDefinition defined = jobs.achievement(organization.id(), id)
                .orElseThrow(() -> PlatformException.notFound("The achievement"));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("bulk-" + org + ".csv")
                                .build()
                                .toString())
                .body(BulkCsv.template(defined, shared));
    }

    @GetMapping("/orgs/{org}/credentials/bulk/{job}")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_ISSUED, machineClients = true)
    ResponseEntity<JobView> job(
            @PathVariable String org,
            @PathVariable UUID job,
            @RequestParam(name = "rows", defaultValue = "false") boolean rows,
            HttpServletRequest request) {
        if (ProblemResponses.wantsHtml(request)) {
            return ResponseEntity.status(303)
                    .location(URI.create(BulkPages.pagePath(org, job)))
                    .build();
        }
        BulkJobs.Progress progress = jobs.progress(organizations.get(org).id(), job, rows)
                .orElseThrow(() -> PlatformException.notFound("The bulk job"));
        return ResponseEntity.ok(JobView.of(progress, org, rows));
    }

    static String jobPath(String org, UUID job) {
        return "/orgs/" + org + "/credentials/bulk/" + job;
    }

    private static RowView view(BulkJobs.RowResult row) {
        return new RowView(
                row.row(),
                row.credentialId() == null ? null : row.credentialId().toString(),
                row.code(),
                row.reason());
    }

    /** The CSV bytes: the multipart field {@code file}, or a {@code text/csv} body; at most 1 MB either way. */
    static byte[] csv(HttpServletRequest request) {
        Optional<MultipartFile> uploaded = Uploads.file(request, "Choose a CSV file to upload.");
        try {
            if (uploaded.isPresent()) {
                MultipartFile file = uploaded.get();
                if (file.getSize() > MAX_BYTES) {
                    throw tooLarge();
                }
                return file.getBytes();
            }
            if (!isCsv(request.getContentType())) {
                throw new PlatformException(
                        Problem.UNSUPPORTED_MEDIA_TYPE,
                        "Send the CSV as a text/csv body, or as the field \"file\" of a multipart/form-data upload.");
            }
            try (InputStream in = request.getInputStream()) {
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw tooLarge();
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a body over the limit is mapped to 413 by its cause
        }
    }

    private static boolean isCsv(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getType().equals("text") && type.getSubtype().equals("csv");
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static PlatformException tooLarge() {
        return new PlatformException(Problem.PAYLOAD_TOO_LARGE, "A CSV is limited to " + MAX_BYTES + " bytes.");
    }
}
