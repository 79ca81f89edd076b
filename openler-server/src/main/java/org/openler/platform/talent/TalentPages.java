package org.openler.platform.talent;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Audience;
import org.openler.platform.matching.Evidence;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.profile.SelfAssertedSkill;
import org.openler.platform.profile.SelfAssertedSkills;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.Wallet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The learner's talent page (EN/ES): the discovery setting with a checkbox per credential and per skill of their own,
 * and the invitations received, each answered here. Linked from the privacy center's discovery section.
 */
@Controller
class TalentPages {

    private final TalentDiscovery discovery;
    private final Invitations invitations;
    private final Wallet wallet;
    private final SelfAssertedSkills skills;
    private final Employees employees;
    private final TalentDocuments documents;

    TalentPages(
            TalentDiscovery discovery,
            Invitations invitations,
            Wallet wallet,
            SelfAssertedSkills skills,
            Employees employees,
            TalentDocuments documents) {
        this.employees = employees;
        this.documents = documents;
        this.discovery = discovery;
        this.invitations = invitations;
        this.wallet = wallet;
        this.skills = skills;
    }

    @GetMapping("/me/talent")
    @Access(Audience.LEARNER)
    String page(Model model) {
        AccountId me = LearnerTalentApi.learner();
        DiscoverySetting setting = discovery.read(me);
        List<HeldCredential> credentials = wallet.list(me, false);
        List<SelfAssertedSkill> own =
                skills.list(me).stream().filter(s -> s.competency().isPresent()).toList();
        model.addAttribute("setting", setting);
        model.addAttribute("mode", setting.mode().name().toLowerCase(Locale.ROOT));
        model.addAttribute("credentials", credentials);
        model.addAttribute("skills", own);
        model.addAttribute("invitations", invitations.received(me));
        model.addAttribute("employers", employees.forEmployee(me));
        model.addAttribute("regions", Regions.all());
        model.addAttribute("regionNames", EmployerTalentPages.regionNames());
        model.addAttribute("location", setting.location().orElse(""));
        model.addAttribute(
                "availability", setting.availability().map(Availability::word).orElse(""));
        model.addAttribute("preview", preview(me));
        return "talent/learner";
    }

    @PostMapping("/me/talent/discovery")
    @Access(Audience.LEARNER)
    String discovery(
            @RequestParam(defaultValue = "off") String mode,
            @RequestParam(defaultValue = "") List<String> credential,
            @RequestParam(defaultValue = "") List<String> skill,
            @RequestParam(defaultValue = "") String location,
            @RequestParam(defaultValue = "") String availability,
            RedirectAttributes redirect) {
        try {
            discovery.write(
                    LearnerTalentApi.learner(),
                    LearnerTalentApi.setting(new LearnerTalentApi.DiscoveryRequest(
                            mode, nonBlank(credential), nonBlank(skill), location, availability)));
            redirect.addFlashAttribute("saved", true);
        } catch (PlatformException refused) {
            redirect.addFlashAttribute("error", refused.personMessages());
        }
        return "redirect:/me/talent";
    }

    @PostMapping("/me/talent/invitations/{id}/accept")
    @Access(Audience.LEARNER)
    String accept(
            @PathVariable String id,
            @RequestParam(defaultValue = "") List<String> credential,
            RedirectAttributes redirect) {
        List<UUID> chosen = new ArrayList<>();
        try {
            for (String c : nonBlank(credential)) {
                chosen.add(TalentApi.uuid(c, "credentials").orElseThrow());
            }
            invitations.accept(
                    LearnerTalentApi.learner(),
                    new InvitationId(LearnerTalentApi.invitation(id)),
                    chosen,
                    Optional.empty());
            redirect.addFlashAttribute("saved", true);
        } catch (PlatformException refused) {
            redirect.addFlashAttribute("error", refused.personMessages());
        }
        return "redirect:/me/talent#invitations";
    }

    @PostMapping("/me/talent/invitations/{id}/decline")
    @Access(Audience.LEARNER)
    String decline(@PathVariable String id, RedirectAttributes redirect) {
        return afterChange(
                () -> invitations.decline(
                        LearnerTalentApi.learner(), new InvitationId(LearnerTalentApi.invitation(id))),
                redirect,
                "redirect:/me/talent#invitations");
    }

    @PostMapping("/me/talent/employers/{id}/accept")
    @Access(Audience.LEARNER)
    String linkEmployer(@PathVariable String id, RedirectAttributes redirect) {
        return afterChange(
                () -> employees.accept(LearnerTalentApi.learner(), LearnerTalentApi.invitation(id)),
                redirect,
                "redirect:/me/talent#employers");
    }

    @PostMapping("/me/talent/employers/{id}/end")
    @Access(Audience.LEARNER)
    String endEmployer(@PathVariable String id, RedirectAttributes redirect) {
        return afterChange(
                () -> employees.end(LearnerTalentApi.learner(), LearnerTalentApi.invitation(id)),
                redirect,
                "redirect:/me/talent#employers");
    }

    /** Runs a learner's change and goes back to the page with "saved", or with the refusal's words. */
    private static String afterChange(Runnable change, RedirectAttributes redirect, String back) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", true);
        } catch (PlatformException refused) {
            redirect.addFlashAttribute("error", refused.personMessages());
        }
        return back;
    }

    /**
     * The learner's card as an employer's search would show it, with every searchable skill met by its strongest
     * evidence: read by the same method a search reads with, so nothing is on it that a search could not see.
     */
    private List<TalentSearch.Requirement> preview(AccountId me) {
        List<TalentSearch.Requirement> shown = new ArrayList<>();
        for (Evidence e : documents.searchable(me)) {
            shown.add(new TalentSearch.Requirement(
                    e.skill().toString(),
                    e.label(),
                    1.0,
                    true,
                    Optional.of(e.best().kind())));
        }
        shown.sort(Comparator.comparing(TalentSearch.Requirement::label, String.CASE_INSENSITIVE_ORDER));
        return shown;
    }

    /** Whether a skill of the learner's own is searchable now (for the checkbox). */
    static boolean searchable(DiscoverySetting setting, SelfAssertedSkill skill) {
        URI uri = skill.competency().orElse(null);
        return uri != null && setting.skills().contains(uri);
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
