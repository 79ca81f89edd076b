package org.openler.platform.articulation;

import jakarta.servlet.http.HttpServletResponse;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.organizations.OrganizationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An import job's page for the college's staff: rules done of the total, the counts and the refused rows, reloading
 * itself with a {@code Refresh} header while the job runs (the content security policy allows no inline script).
 */
@Controller
class ImportPages {

    private final OrganizationService organizations;
    private final RuleImportApi api;

    ImportPages(OrganizationService organizations, RuleImportApi api) {
        this.organizations = organizations;
        this.api = api;
    }

    @GetMapping("/orgs/{org}/articulation/imports/{id}/progress")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_ARTICULATION)
    String progress(@PathVariable String org, @PathVariable String id, Model model, HttpServletResponse response) {
        RuleImportJobs.Status job = api.find(org, id);
        if (!job.finished()) {
            response.setHeader("Refresh", "2");
        }
        model.addAttribute("org", organizations.get(org));
        model.addAttribute("job", job);
        model.addAttribute("jobUrl", RuleImportApi.jobPath(org, job.id()));
        return "articulation/import";
    }
}
