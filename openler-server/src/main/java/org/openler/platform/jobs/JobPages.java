package org.openler.platform.jobs;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.JobId;
import org.openler.platform.kernel.Power;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.matching.Paging;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.registry.Ctid;
import org.openler.platform.registry.RegistryEntries;
import org.openler.platform.registry.RegistryQuery;
import org.openler.platform.registry.RegistryResults;
import org.openler.platform.registry.RegistrySearch;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.Competency;
import org.openler.platform.skills.LabelSearch;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The employer's pages: the jobs list, a new job from a title (suggested occupations with their confidence, the
 * proposed requirements), and the editor (details; skills added through a search box, removed, marked required or
 * preferred, their level set; registry credentials found by search; closing). Plain forms, no script: every change
 * is a POST that redirects back, and a mistake comes back as a message at the top of the page.
 */
@Controller
class JobPages {

    private static final int SEARCH_RESULTS = 10;

    private final OrganizationService organizations;
    private final Jobs jobs;
    private final JobDrafts drafts;
    private final JobDescriptions descriptions;
    private final LabelSearch labels;
    private final Competencies competencies;
    private final RegistrySearch registrySearch;
    private final RegistryEntries registry;

    JobPages(
            OrganizationService organizations,
            Jobs jobs,
            JobDrafts drafts,
            JobDescriptions descriptions,
            LabelSearch labels,
            Competencies competencies,
            RegistrySearch registrySearch,
            RegistryEntries registry) {
        this.organizations = organizations;
        this.jobs = jobs;
        this.drafts = drafts;
        this.descriptions = descriptions;
        this.labels = labels;
        this.competencies = competencies;
        this.registrySearch = registrySearch;
        this.registry = registry;
    }

    /** The employer's jobs, newest first, 50 a page ({@code offset}), with links to the previous and next pages. */
    @GetMapping("/orgs/{org}/jobs")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_JOBS)
    String list(
            @PathVariable String org,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(required = false) @Nullable String offset,
            Model model) {
        Organization employer = organizations.get(org);
        Optional<Job.Status> filter = switch (status) {
            case "open" -> Optional.of(Job.Status.OPEN);
            case "closed" -> Optional.of(Job.Status.CLOSED);
            default -> Optional.empty();
        };
        Paging paging = Paging.of(offset, null, JobApi.DEFAULT_LIST, JobApi.DEFAULT_LIST);
        Jobs.Listing listing = jobs.list(
                employer.id(),
                new JobFilter(filter, Optional.empty(), Optional.empty()),
                paging.offset(),
                paging.limit());
        String here = "/orgs/" + employer.slug() + "/jobs"
                + filter.map(f -> "?status=" + f.code()).orElse("");
        model.addAttribute("organization", employer);
        model.addAttribute("jobs", listing.jobs());
        model.addAttribute("total", listing.total());
        model.addAttribute("from", paging.offset() + 1);
        model.addAttribute("to", paging.offset() + listing.jobs().size());
        model.addAttribute("previous", paging.previous().map(at -> at(here, at)).orElse(null));
        model.addAttribute(
                "next", paging.next(listing.total()).map(at -> at(here, at)).orElse(null));
        model.addAttribute("status", filter.map(Job.Status::code).orElse(""));
        model.addAttribute("canEdit", organizations.roleOfActing(employer).includes(StaffRole.ISSUER));
        return "jobs/list";
    }

    /** The list at {@code offset}, keeping the status filter already in {@code here}. */
    private static String at(String here, int offset) {
        return offset == 0 ? here : here + (here.contains("?") ? "&" : "?") + "offset=" + offset;
    }

    @GetMapping("/orgs/{org}/jobs/new")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.POST_JOBS)
    String newJob(
            @PathVariable String org,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String occupation,
            Model model) {
        Organization employer = organizations.get(org);
        model.addAttribute("organization", employer);
        model.addAttribute("title", title);
        if (!title.isBlank()) {
            try {
                JobDrafts.Draft draft =
                        drafts.draft(title, occupation.isBlank() ? Optional.empty() : Optional.of(occupation));
                model.addAttribute("draft", draft);
            } catch (PlatformException e) {
                model.addAttribute("error", e.personMessages());
            }
        }
        return "jobs/new";
    }

    /** Creates the job with every proposed requirement of the chosen occupation; the editor comes next. */
    @PostMapping("/orgs/{org}/jobs/new")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.POST_JOBS)
    String create(
            @PathVariable String org,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String occupation,
            RedirectAttributes redirect) {
        Organization employer = JobApi.employer(organizations, org);
        try {
            String clean = JobInput.title(title, "title");
            CompetencyDna.Proposal proposal = drafts.propose(occupation);
            List<JobRequirement> requirements = proposal.requirements().stream()
                    .map(CompetencyDna.Proposed::requirement)
                    .toList();
            if (requirements.isEmpty()) {
                throw PlatformException.invalid("requirements", "This occupation proposes no skills; choose another.");
            }
            Job job = jobs.create(
                    employer.id(),
                    new JobContent(
                            clean,
                            proposal.occupation().code(),
                            Optional.empty(),
                            "",
                            requirements,
                            List.of(),
                            0,
                            JobContent.Education.NONE,
                            "",
                            JobContent.Remote.ONSITE,
                            Optional.empty()));
            redirect.addFlashAttribute("notice", "jobs.created");
            return "redirect:/orgs/" + org + "/jobs/" + job.id();
        } catch (PlatformException e) {
            redirect.addFlashAttribute("error", e.personMessages());
            return "redirect:/orgs/" + org + "/jobs/new";
        }
    }

    @GetMapping("/orgs/{org}/jobs/{id}")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_JOBS)
    String editor(
            @PathVariable String org,
            @PathVariable String id,
            @RequestParam(name = "skill", defaultValue = "") String skillQuery,
            @RequestParam(name = "credential", defaultValue = "") String credentialQuery,
            Model model) {
        Organization employer = organizations.get(org);
        Job job = jobs.get(employer.id(), JobApi.id(id));
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("organization", employer);
        model.addAttribute("job", job);
        model.addAttribute("canEdit", organizations.roleOfActing(employer).includes(StaffRole.ISSUER));
        model.addAttribute("descriptionEn", descriptions.describe(job, Locale.ENGLISH));
        model.addAttribute("descriptionEs", descriptions.describe(job, Locale.forLanguageTag("es")));
        model.addAttribute("english", !locale.getLanguage().equals("es"));
        model.addAttribute("skillQuery", skillQuery);
        model.addAttribute("credentialQuery", credentialQuery);
        if (!skillQuery.isBlank() && skillQuery.length() <= JobInput.MAX_TITLE) {
            model.addAttribute("skillResults", labels.competencies(skillQuery.strip(), SEARCH_RESULTS));
        }
        if (!credentialQuery.isBlank() && credentialQuery.length() <= JobInput.MAX_TITLE) {
            RegistryResults results = registrySearch.search(RegistryQuery.text(credentialQuery.strip()));
            model.addAttribute(
                    "credentialResults",
                    results.hits().stream().limit(SEARCH_RESULTS).toList());
        }
        return "jobs/edit";
    }

    @PostMapping("/orgs/{org}/jobs/{id}/details")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.POST_JOBS)
    String details(
            @PathVariable String org, @PathVariable String id, JobDetailsForm form, RedirectAttributes redirect) {
        return change(
                org, id, form.expectedVersion(), redirect, job -> JobInput.readDetails(form.json(), job.content()));
    }

    /** Adds a skill found by the search box; a skill already there keeps its place. */
    @PostMapping("/orgs/{org}/jobs/{id}/skills/add")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.POST_JOBS)
    String addSkill(
            @PathVariable String org,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String skill,
            @RequestParam(defaultValue = "false") boolean required,
            @RequestParam(defaultValue = "3") int level,
            @RequestParam(defaultValue = "0") int version,
            RedirectAttributes redirect) {
        return change(org, id, version, redirect, job -> {
            Competency competency = competency(skill);
            List<JobRequirement> list = new ArrayList<>(job.requirements());
            if (list.stream().noneMatch(r -> r.skill().equals(competency.uri()))) {
                if (list.size() >= JobInput.MAX_REQUIREMENTS) {
                    throw PlatformException.invalid(
                            "requirements", "At most " + JobInput.MAX_REQUIREMENTS + " skills.");
                }
                list.add(new JobRequirement(
                        competency.uri(),
                        competency.label(),
                        required ? 0.8 : 0.5,
                        required,
                        level(level),
                        "employer"));
            }
            return job.content().withRequirements(list);
        });
    }

    /** Changes one skill: {@code action} is {@code update} (required or preferred, level) or {@code remove}. */
    @PostMapping("/orgs/{org}/jobs/{id}/skills/change")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.POST_JOBS)
    String changeSkill(
            @PathVariable String org,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String skill,
            @RequestParam(defaultValue = "update") String action,
            @RequestParam(defaultValue = "false") boolean required,
            @RequestParam(defaultValue = "3") int level,
            @RequestParam(defaultValue = "0") int version,
            RedirectAttributes redirect) {
        return change(org, id, version, redirect, job -> {
            List<JobRequirement> list = new ArrayList<>();
            boolean found = false;
            for (JobRequirement r : job.requirements()) {
                if (!r.skill().toString().equals(skill)) {
                    list.add(r);
                    continue;
                }
                found = true;
                if (action.equals("update")) {
                    list.add(new JobRequirement(r.skill(), r.label(), r.weight(), required, level(level), r.source()));
                }
            }
            if (!found) {
                throw PlatformException.invalid("skill", "This skill is not part of the job.");
            }
            if (list.isEmpty()) {
                throw PlatformException.invalid("requirements", "A job needs at least one skill; add another first.");
            }
            return job.content().withRequirements(list);
        });
    }

    @PostMapping("/orgs/{org}/jobs/{id}/credentials/add")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.POST_JOBS)
    String addCredential(
            @PathVariable String org,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String ctid,
            @RequestParam(defaultValue = "false") boolean required,
            @RequestParam(defaultValue = "0") int version,
            RedirectAttributes redirect) {
        return change(org, id, version, redirect, job -> {
            Ctid parsed = Ctid.parse(ctid)
                    .orElseThrow(() -> PlatformException.invalid("ctid", "A CTID looks like ce-<uuid>."));
            var published = registry.findPublished(parsed)
                    .orElseThrow(() -> PlatformException.invalid("ctid", "No published credential has this CTID."));
            List<JobCredential> list = new ArrayList<>(job.content().credentials());
            list.removeIf(k -> k.ctid().equals(parsed.value()));
            if (list.size() >= JobInput.MAX_CREDENTIALS) {
                throw PlatformException.invalid("credentials", "At most " + JobInput.MAX_CREDENTIALS + " credentials.");
            }
            list.add(new JobCredential(parsed.value(), published.credential().name(), required));
            return job.content().withCredentials(list);
        });
    }

    @PostMapping("/orgs/{org}/jobs/{id}/credentials/remove")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.POST_JOBS)
    String removeCredential(
            @PathVariable String org,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String ctid,
            @RequestParam(defaultValue = "0") int version,
            RedirectAttributes redirect) {
        return change(org, id, version, redirect, job -> {
            List<JobCredential> list = new ArrayList<>(job.content().credentials());
            list.removeIf(k -> k.ctid().equals(ctid));
            return job.content().withCredentials(list);
        });
    }

    @PostMapping("/orgs/{org}/jobs/{id}/close")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.POST_JOBS)
    String close(@PathVariable String org, @PathVariable String id, RedirectAttributes redirect) {
        Organization employer = JobApi.employer(organizations, org);
        jobs.close(employer.id(), JobApi.id(id));
        redirect.addFlashAttribute("notice", "jobs.closed");
        return "redirect:/orgs/" + org + "/jobs/" + id;
    }

    private String change(
            String org, String id, int version, RedirectAttributes redirect, Function<Job, JobContent> edit) {
        Organization employer = JobApi.employer(organizations, org);
        JobId jobId = JobApi.id(id);
        Job job = jobs.get(employer.id(), jobId);
        try {
            jobs.update(employer.id(), jobId, edit.apply(job), Optional.of(version));
            redirect.addFlashAttribute("notice", "jobs.saved");
        } catch (PlatformException e) {
            if (e.problem() != Problem.INVALID_INPUT && e.problem() != Problem.CONFLICT) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.personMessages());
        }
        return "redirect:/orgs/" + org + "/jobs/" + id;
    }

    private Competency competency(String skill) {
        try {
            return competencies
                    .byUri(URI.create(skill.strip()))
                    .orElseThrow(() -> PlatformException.invalid("skill", "No skill in the ontology has this URI."));
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid("skill", "No skill in the ontology has this URI.");
        }
    }

    private static int level(int level) {
        if (level < 1 || level > 5) {
            throw PlatformException.invalid("level", "A level is 1 to 5.");
        }
        return level;
    }
}
