package org.openler.platform.talent;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.matching.JobTarget;
import org.openler.platform.matching.JobTargets;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
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
 * The employer's talent search page (EN/ES): skills chosen through the ontology's label search, or one of the
 * employer's open jobs; the answer as anonymous cards (pseudonym, % match, each requirement met by verified, endorsed
 * or self-asserted evidence, or a gap), each with an invitation form; and the invitations sent with their answers.
 * The same search and invitations as the JSON API, so the same limits, k-anonymity and access log.
 */
@Controller
class EmployerTalentPages {

    static final int SKILL_RESULTS = 8;

    private final OrganizationService organizations;
    private final TalentSearch search;
    private final Invitations invitations;
    private final LabelSearch labels;
    private final Competencies competencies;
    private final List<JobTargets> jobs;
    private final Employees employees;

    EmployerTalentPages(
            OrganizationService organizations,
            TalentSearch search,
            Invitations invitations,
            LabelSearch labels,
            Competencies competencies,
            List<JobTargets> jobs,
            Employees employees) {
        this.employees = employees;
        this.organizations = organizations;
        this.search = search;
        this.invitations = invitations;
        this.labels = labels;
        this.competencies = competencies;
        this.jobs = jobs;
    }

    /** A chosen skill, for the list above the search button. */
    record Chosen(String uri, String label) {}

    @GetMapping("/orgs/{org}/talent")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.SEARCH_TALENT)
    String page(
            @PathVariable String org,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") List<String> skill,
            Model model) {
        Organization employer = employer(org);
        List<Chosen> chosen = chosen(skill, model);
        if (!q.isBlank() && q.length() <= 200) {
            model.addAttribute("skillQuery", q.strip());
            model.addAttribute("skillResults", labels.competencies(q.strip(), SKILL_RESULTS));
        }
        fill(model, employer, chosen, "");
        return "talent/employer";
    }

    @PostMapping("/orgs/{org}/talent/find")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.SEARCH_TALENT)
    String find(
            @PathVariable String org,
            @RequestParam(defaultValue = "") List<String> skill,
            @RequestParam(defaultValue = "") String job,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "anonymous") String scope,
            @RequestParam(defaultValue = "") String location,
            @RequestParam(defaultValue = "") String availability,
            Model model) {
        model.addAttribute("location", location.strip());
        model.addAttribute("availability", availability.strip());
        Organization employer = employer(org);
        List<Chosen> chosen = job.isBlank() ? chosen(skill, model) : List.of();
        if (scope.equals("internal")) {
            searchShownOnPage(
                    model,
                    () -> model.addAttribute(
                            "internal",
                            InternalTalentApi.internal(
                                    employees,
                                    search,
                                    employer,
                                    chosen.stream().map(Chosen::uri).toList(),
                                    job)));
            fill(model, employer, chosen, job.strip());
            return "talent/employer";
        }
        searchShownOnPage(model, () -> {
            List<TalentSearch.Wanted> wanted = chosen.stream()
                    .map(c -> new TalentSearch.Wanted(c.uri(), 1.0))
                    .toList();
            TalentSearch.Result result = search.search(
                    employer,
                    new TalentSearch.Query(
                            wanted,
                            TalentApi.uuid(job, "job"),
                            page,
                            TalentSearch.DEFAULT_PAGE_SIZE,
                            TalentFilters.of(location, availability)));
            model.addAttribute("result", result);
        });
        fill(model, employer, chosen, job.strip());
        return "talent/employer";
    }

    /** Runs a search for the page; a refusal or the searches-per-minute limit is shown on it instead of results. */
    private static void searchShownOnPage(Model model, Runnable searching) {
        try {
            searching.run();
        } catch (PlatformException refused) {
            model.addAttribute("error", refused.personMessages());
        } catch (SearchLimits.Exceeded throttled) {
            model.addAttribute("throttled", throttled.retryAfterSeconds());
        }
    }

    @PostMapping("/orgs/{org}/talent/invite")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.INVITE_TALENT)
    String invite(
            @PathVariable String org,
            @RequestParam(defaultValue = "") String pseudonym,
            @RequestParam(defaultValue = "") String job,
            @RequestParam(defaultValue = "") String message,
            RedirectAttributes redirect) {
        Organization employer = employer(org);
        try {
            String who = pseudonym.strip();
            if (who.isEmpty() || who.length() > 40) {
                throw PlatformException.invalid("pseudonym", "Name a candidate by the pseudonym your search showed.");
            }
            invitations.invite(employer, who, TalentApi.uuid(job, "job"), message);
            redirect.addFlashAttribute("invited", who);
        } catch (PlatformException refused) {
            redirect.addFlashAttribute("error", refused.personMessages());
        }
        return "redirect:/orgs/" + employer.slug() + "/talent#invitations";
    }

    @PostMapping("/orgs/{org}/talent/employees/invite")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.INVITE_TALENT)
    String linkEmployee(
            @PathVariable String org, @RequestParam(defaultValue = "") String email, RedirectAttributes redirect) {
        Organization employer = employer(org);
        try {
            Employees.ForEmployer link = employees.invite(employer, email);
            redirect.addFlashAttribute("linkInvited", link.email());
        } catch (PlatformException refused) {
            redirect.addFlashAttribute("error", refused.personMessages());
        }
        return "redirect:/orgs/" + employer.slug() + "/talent#employees";
    }

    /** Each region's name in the page's language, by code (the cards carry the code). */
    static Map<String, String> regionNames() {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> names = new HashMap<>();
        for (Regions.Region r : Regions.all()) {
            names.put(r.code(), r.name(locale));
        }
        return names;
    }

    private Organization employer(String org) {
        return organizations.get(org);
    }

    private void fill(Model model, Organization employer, List<Chosen> chosen, String job) {
        model.addAttribute("regions", Regions.all());
        model.addAttribute("regionNames", regionNames());
        if (!model.containsAttribute("location")) {
            model.addAttribute("location", "");
            model.addAttribute("availability", "");
        }
        model.addAttribute("organization", employer);
        model.addAttribute("chosen", chosen);
        model.addAttribute("job", job);
        model.addAttribute("jobs", jobsOf(employer));
        model.addAttribute("employer", employer.kind() == Organization.Kind.EMPLOYER);
        model.addAttribute(
                "employees", employer.kind() == Organization.Kind.EMPLOYER ? employees.list(employer) : List.of());
        model.addAttribute(
                "sent",
                employer.kind() == Organization.Kind.EMPLOYER
                        ? invitations.sent(employer).stream()
                                .map(TalentApi.InvitationView::of)
                                .toList()
                        : List.of());
    }

    /** The employer's open jobs, by the name matching reads them with (the jobs feature is reached only that way). */
    private List<JobTarget> jobsOf(Organization employer) {
        List<JobTarget> own = new ArrayList<>();
        for (JobTargets source : jobs) {
            for (JobTarget j : source.openJobs()) {
                if (j.employer().equals(employer.name())) {
                    own.add(j);
                }
            }
        }
        own.sort((a, b) -> a.title().compareToIgnoreCase(b.title()));
        return own;
    }

    /** The chosen skills that name a skill of the ontology (at most the search's limit); others are dropped. */
    private List<Chosen> chosen(List<String> skills, Model model) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String s : skills) {
            if (s != null && !s.isBlank() && s.length() <= 1000) {
                distinct.add(s.strip());
            }
        }
        List<Chosen> chosen = new ArrayList<>();
        for (String s : distinct) {
            if (chosen.size() >= TalentSearch.MAX_QUERY_SKILLS) {
                break;
            }
            competency(s).ifPresent(c -> chosen.add(new Chosen(c.uri().toString(), c.label())));
        }
        return chosen;
    }

    private Optional<Competency> competency(String uri) {
        try {
            URI parsed = new URI(uri);
            return parsed.isAbsolute() ? competencies.byUri(parsed) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
