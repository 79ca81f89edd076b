package org.openler.platform.articulation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PageRefusals;
import org.openler.platform.problems.PlatformException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The articulation pages (EN/ES): the public index (search, a page per rule, a page per credential with every
 * college's credit side by side), the learner's credit page (what each verified credential is worth where, asked for
 * with one click), and the college's rules and request queue (verify, approve, decline with a reason).
 */
@Controller
class ArticulationPages {

    private final ArticulationIndex index;
    private final ArticulationRules rules;
    private final CreditRequests requests;
    private final OrganizationService organizations;

    ArticulationPages(
            ArticulationIndex index,
            ArticulationRules rules,
            CreditRequests requests,
            OrganizationService organizations) {
        this.index = index;
        this.rules = rules;
        this.requests = requests;
        this.organizations = organizations;
    }

    @GetMapping(value = "/articulation", produces = MediaType.TEXT_HTML_VALUE)
    @Access(Audience.PUBLIC)
    String search(
            @RequestParam(defaultValue = "") String credential,
            @RequestParam(defaultValue = "") String college,
            @RequestParam(defaultValue = "") String course,
            @RequestParam(defaultValue = "") String skill,
            Model model) {
        ArticulationIndex.Query query = ArticulationIndex.Query.of(credential, college, course, skill);
        model.addAttribute("credential", credential);
        model.addAttribute("college", college);
        model.addAttribute("course", course);
        model.addAttribute("skill", skill);
        model.addAttribute("searched", !query.isEmpty());
        model.addAttribute("results", query.isEmpty() ? List.of() : index.search(query));
        model.addAttribute("sources", sources(index.search(ArticulationIndex.Query.of("", "", "", ""))));
        return "articulation/search";
    }

    /** A source credential and how many colleges give credit for it: the index's front page lists them. */
    record SourceSummary(String key, String name, String issuer, int colleges, BigDecimal mostCredits) {}

    static List<SourceSummary> sources(List<ArticulationRule> all) {
        List<SourceSummary> out = new ArrayList<>();
        for (var e : ArticulationIndex.bySource(all).entrySet()) {
            ArticulationRule first = e.getValue().getFirst();
            out.add(new SourceSummary(
                    e.getKey(),
                    first.source().name(),
                    first.source().issuer(),
                    (int) e.getValue().stream()
                            .map(ArticulationRule::collegeSlug)
                            .distinct()
                            .count(),
                    e.getValue().stream()
                            .map(ArticulationRule::totalCredits)
                            .max(BigDecimal::compareTo)
                            .orElse(BigDecimal.ZERO)));
        }
        return out;
    }

    @GetMapping(value = "/articulation/rules/{id}", produces = MediaType.TEXT_HTML_VALUE)
    @Access(Audience.PUBLIC)
    String rule(@PathVariable String id, Model model) {
        ArticulationRule rule = index.rule(ArticulationApi.uuid(id, "The rule"))
                .orElseThrow(() -> PlatformException.notFound("The rule"));
        model.addAttribute("rule", rule);
        model.addAttribute("key", ArticulationIndex.sourceKey(rule));
        return "articulation/rule";
    }

    @GetMapping(value = "/articulation/credential", produces = MediaType.TEXT_HTML_VALUE)
    @Access(Audience.PUBLIC)
    String credential(@RequestParam(defaultValue = "") String key, Model model) {
        if (key.isBlank()) {
            return "redirect:/articulation";
        }
        List<ArticulationRule> found = index.search(ArticulationIndex.Query.of(key, "", "", ""));
        Map<String, List<ArticulationRule>> byCollege = new LinkedHashMap<>();
        found.stream()
                .filter(r -> ArticulationIndex.sourceKey(r).equalsIgnoreCase(key.strip()))
                .forEach(r -> byCollege
                        .computeIfAbsent(r.collegeName(), k -> new ArrayList<>())
                        .add(r));
        model.addAttribute("key", key.strip());
        model.addAttribute(
                "name",
                found.stream()
                        .filter(r -> ArticulationIndex.sourceKey(r).equalsIgnoreCase(key.strip()))
                        .findFirst()
                        .map(r -> r.source().name())
                        .orElse(key.strip()));
        model.addAttribute("byCollege", byCollege);
        return "articulation/credential";
    }

    // ---- the learner

    @GetMapping(value = "/me/credit", produces = MediaType.TEXT_HTML_VALUE)
    @Access(Audience.LEARNER)
    String learner(Model model) {
        AccountId me = LearnerCreditApi.learner();
        model.addAttribute("offers", requests.offers(me));
        model.addAttribute("requests", requests.mine(me));
        return "articulation/learner";
    }

    /** The page's one click: the same request as {@code POST /me/credit-requests}, answered with the page again. */
    @PostMapping("/me/credit")
    @Access(Audience.LEARNER)
    String request(
            @RequestParam(defaultValue = "") String rule,
            @RequestParam(defaultValue = "") String credential,
            RedirectAttributes redirect) {
        PageRefusals.flashed(
                () -> {
                    CreditRequests.Outcome outcome = requests.request(
                            LearnerCreditApi.learner(),
                            LearnerCreditApi.rule(rule),
                            LearnerCreditApi.credential(credential));
                    redirect.addFlashAttribute(
                            "requested", outcome.request().status().name());
                },
                redirect,
                "error",
                PageRefusals::any);
        return "redirect:/me/credit";
    }

    // ---- the college

    @GetMapping("/orgs/{org}/articulation")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_ARTICULATION)
    String college(@PathVariable String org, @RequestParam(defaultValue = "pending") String status, Model model) {
        Organization college = organizations.get(org);
        Optional<CreditRequests.Status> filter =
                status.equals("all") ? Optional.empty() : ArticulationApi.status(status);
        model.addAttribute("org", college);
        model.addAttribute("status", status);
        model.addAttribute("queue", requests.queue(college.id(), filter));
        model.addAttribute("rules", rules.list(college.id()));
        model.addAttribute("canManage", canManage(college));
        return "articulation/college";
    }

    @PostMapping("/orgs/{org}/articulation/queue/{id}/verify")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_ARTICULATION)
    String verify(@PathVariable String org, @PathVariable String id, RedirectAttributes redirect) {
        Organization college = organizations.get(org);
        return answer(
                org,
                redirect,
                () -> requests.verifyAgain(college.id(), ArticulationApi.uuid(id, "The credit request")));
    }

    @PostMapping("/orgs/{org}/articulation/queue/{id}/approve")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_ARTICULATION)
    String approve(@PathVariable String org, @PathVariable String id, RedirectAttributes redirect) {
        Organization college = organizations.get(org);
        return answer(
                org,
                redirect,
                () -> requests.approve(college.id(), ArticulationApi.uuid(id, "The credit request"), Actors.current()));
    }

    @PostMapping("/orgs/{org}/articulation/queue/{id}/decline")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_ARTICULATION)
    String decline(
            @PathVariable String org,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        Organization college = organizations.get(org);
        return answer(
                org,
                redirect,
                () -> requests.decline(college.id(), ArticulationApi.uuid(id, "The credit request"), reason));
    }

    @PostMapping("/orgs/{org}/articulation/rules/{id}/withdraw-page")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_ARTICULATION)
    String withdraw(@PathVariable String org, @PathVariable String id, RedirectAttributes redirect) {
        Organization college = organizations.get(org);
        return answer(org, redirect, () -> rules.withdraw(college, ArticulationApi.uuid(id, "The rule")));
    }

    private String answer(String org, RedirectAttributes redirect, Runnable action) {
        if (PageRefusals.flashed(action, redirect, "error", PageRefusals::any)) {
            redirect.addFlashAttribute("saved", true);
        }
        return "redirect:/orgs/" + org + "/articulation";
    }

    private boolean canManage(Organization college) {
        return Actors.currentPerson()
                .flatMap(p -> organizations.roleOf(p.accountId(), college.id()))
                .flatMap(role -> organizations
                        .leastRoleFor(college.id(), Power.MANAGE_ARTICULATION)
                        .map(least -> role.compareTo(least) >= 0))
                .orElse(false);
    }
}
