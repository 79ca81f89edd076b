package org.openler.platform.jobs;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.JobId;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.problems.PlatformException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.node.ObjectNode;

/**
 * A job's public URL, {@code /jobs/{id}}, one address for people and programs: a page in the reader's language, a
 * schema.org {@code JobPosting} for {@code application/ld+json} (or JSON), and a CTDL {@code ceterms:Job} when the
 * Accept header names the CTDL profile ({@code application/ld+json; profile="http://credreg.net/ctdl"}) or the
 * query says {@code ?format=ctdl}, and an HR Open Standards {@code PositionOpening} for {@code ?format=hropen} or an
 * Accept header naming HR Open's schema as profile. Closed jobs stay readable and say they are closed.
 */
@Controller
class PublicJobs {

    static final String LD_JSON = "application/ld+json";

    private final Jobs jobs;
    private final JobDocuments documents;
    private final JobDescriptions descriptions;
    private final PlatformUrls urls;
    private final OnetTasks tasks;
    private final HrOpenPositions hrOpen;

    PublicJobs(
            Jobs jobs,
            JobDocuments documents,
            JobDescriptions descriptions,
            PlatformUrls urls,
            OnetTasks tasks,
            HrOpenPositions hrOpen) {
        this.tasks = tasks;
        this.hrOpen = hrOpen;
        this.jobs = jobs;
        this.documents = documents;
        this.descriptions = descriptions;
        this.urls = urls;
    }

    @GetMapping(value = "/jobs/{id}", produces = MediaType.TEXT_HTML_VALUE, params = "!format")
    @Access(Audience.PUBLIC)
    String page(@PathVariable String id, Model model) {
        Job job = find(id);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("job", job);
        model.addAttribute("description", descriptions.describe(job, locale));
        model.addAttribute(
                "descriptionOther",
                descriptions.describe(
                        job, locale.getLanguage().equals("es") ? Locale.ENGLISH : Locale.forLanguageTag("es")));
        model.addAttribute("otherLanguage", locale.getLanguage().equals("es") ? "en" : "es");
        model.addAttribute("work", tasks.of(job.content().onetCode()));
        return "jobs/public";
    }

    /** {@code ?format=jobposting} or {@code ?format=ctdl}: the document whatever the Accept header says (links). */
    @GetMapping(value = "/jobs/{id}", params = "format")
    @Access(Audience.PUBLIC)
    ResponseEntity<ObjectNode> linked(
            @PathVariable String id,
            @RequestHeader(name = "Accept", required = false) @Nullable String accept,
            @RequestParam(name = "format") String format) {
        return document(id, accept, format);
    }

    @GetMapping(
            value = "/jobs/{id}",
            produces = {LD_JSON, MediaType.APPLICATION_JSON_VALUE},
            params = "!format")
    @Access(Audience.PUBLIC)
    ResponseEntity<ObjectNode> document(
            @PathVariable String id,
            @RequestHeader(name = "Accept", required = false) @Nullable String accept,
            @RequestParam(name = "format", required = false) @Nullable String format) {
        if (format != null && !List.of("jobposting", "ctdl", "hropen").contains(format)) {
            throw PlatformException.invalid("format", "jobposting, ctdl or hropen.");
        }
        Job job = find(id);
        String url = urls.base() + "/jobs/" + job.id();
        String organization = urls.base() + "/orgs/" + job.organizationSlug();
        String wanted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if ("hropen".equals(format) || (format == null && wanted.contains("hropenstandards"))) {
            // HR Open's JSON is plain JSON (not linked data); the profile parameter says which document it is
            return ResponseEntity.ok()
                    .contentType(
                            MediaType.parseMediaType("application/json; profile=\"" + HrOpenPositions.PROFILE + "\""))
                    .header("Vary", "Accept")
                    .body(hrOpen.export(job, url, urls.base()));
        }
        boolean ctdl = "ctdl".equals(format) || (format == null && wanted.contains("ctdl"));
        ObjectNode body =
                ctdl ? documents.ctdlJob(job, url, organization) : documents.jobPosting(job, url, organization);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(LD_JSON))
                .header("Vary", "Accept")
                .body(body);
    }

    private Job find(String id) {
        return JobId.parse(id).flatMap(jobs::find).orElseThrow(() -> PlatformException.notFound("The job"));
    }
}
