package org.openler.platform.bulk;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Bulk issuance pages: upload a CSV (the form posts to the API's {@code POST /orgs/<org>/credentials/bulk}, which
 * sends browsers on to the job's page), then watch the job's progress. The progress page reloads itself with a
 * {@code Refresh} header while rows are pending (the content security policy allows no inline script).
 */
@Controller
class BulkPages {

    static final int REFRESH_SECONDS = 3;

    private final OrganizationService organizations;
    private final BulkJobs jobs;
    private final BulkProperties properties;

    BulkPages(OrganizationService organizations, BulkJobs jobs, BulkProperties properties) {
        this.organizations = organizations;
        this.jobs = jobs;
        this.properties = properties;
    }

    static String pagePath(String org, UUID job) {
        return "/orgs/" + org + "/credentials/bulk/" + job + "/progress";
    }

    @GetMapping("/orgs/{org}/credentials/bulk")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.ISSUE_CREDENTIALS)
    String upload(@PathVariable String org, Model model) {
        Organization organization = organizations.get(org);
        model.addAttribute("org", org);
        model.addAttribute("organizationName", organization.name());
        model.addAttribute("jobs", jobs.recent(organization.id(), 20));
        model.addAttribute("columns", String.join(",", BulkCsv.COLUMNS));
        model.addAttribute("maxRows", properties.maxRows());
        model.addAttribute("achievements", jobs.names(organization.id()));
        return "bulk/upload";
    }

    @GetMapping("/orgs/{org}/credentials/bulk/{job}/progress")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.ISSUE_CREDENTIALS)
    String progress(@PathVariable String org, @PathVariable UUID job, Model model, HttpServletResponse response) {
        BulkJobs.Progress progress = jobs.progress(organizations.get(org).id(), job, false)
                .orElseThrow(() -> PlatformException.notFound("The bulk job"));
        if (!progress.finished()) {
            response.setHeader("Refresh", String.valueOf(REFRESH_SECONDS));
        }
        model.addAttribute("org", org);
        model.addAttribute("job", progress);
        model.addAttribute("jobUrl", BulkApi.jobPath(org, job));
        return "bulk/job";
    }
}
