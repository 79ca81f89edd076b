package org.openler.platform.profile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.PublicUrl;
import org.openler.platform.problems.PageRefusals;
import org.openler.platform.skills.SkillMapping;
import org.openler.platform.wallet.Wallet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The learner's skills profile (every skill with where it came from; their own skills added, corrected, deleted) and
 * verified resume (page, PDF, LER-RS download; experiences added, corrected, deleted).
 */
@Controller
class ProfilePages {

    /** How many ontology matches the learner is offered for their words. */
    static final int SUGGESTIONS = 5;

    private final SkillsProfile profile;
    private final SelfAssertedSkills selfAsserted;
    private final Experiences experiences;
    private final SkillMapping mapping;
    private final Resume resume;
    private final ResumePdf pdf;
    private final LerRsExport lerRs;
    private final Wallet wallet;
    private final ObjectProvider<ResumeTargets> targets;

    ProfilePages(
            SkillsProfile profile,
            SelfAssertedSkills selfAsserted,
            Experiences experiences,
            SkillMapping mapping,
            Resume resume,
            ResumePdf pdf,
            LerRsExport lerRs,
            Wallet wallet,
            ObjectProvider<ResumeTargets> targets) {
        this.profile = profile;
        this.selfAsserted = selfAsserted;
        this.experiences = experiences;
        this.mapping = mapping;
        this.resume = resume;
        this.pdf = pdf;
        this.lerRs = lerRs;
        this.wallet = wallet;
        this.targets = targets;
    }

    @GetMapping("/wallet/skills")
    @Access(Audience.LEARNER)
    String skills(@RequestParam(defaultValue = "") String words, Model model) {
        AccountId me = learner();
        model.addAttribute("skills", profile.skills(me));
        model.addAttribute("own", selfAsserted.list(me));
        model.addAttribute("held", wallet.list(me, true));
        suggestions(words, model);
        return "profile/skills";
    }

    @PostMapping("/wallet/skills")
    @Access(Audience.LEARNER)
    String addSkill(SelfAssertedSkills.Input input, RedirectAttributes redirect) {
        if (saved(() -> selfAsserted.add(learner(), input), redirect, "skillError")) {
            redirect.addFlashAttribute("skillAdded", true);
        }
        return "redirect:/wallet/skills#own";
    }

    @GetMapping("/wallet/skills/{id}/edit")
    @Access(Audience.LEARNER)
    String editSkill(@PathVariable UUID id, @RequestParam(defaultValue = "") String words, Model model) {
        SelfAssertedSkill skill = selfAsserted.get(learner(), new SelfAssertedSkillId(id));
        model.addAttribute("skill", skill);
        model.addAttribute("held", wallet.list(learner(), true));
        suggestions(words.isBlank() ? skill.ownWords() : words, model);
        return "profile/skill-edit";
    }

    @PostMapping("/wallet/skills/{id}")
    @Access(Audience.LEARNER)
    String updateSkill(@PathVariable UUID id, SelfAssertedSkills.Input input, RedirectAttributes redirect) {
        return saved(() -> selfAsserted.update(learner(), new SelfAssertedSkillId(id), input), redirect, "skillError")
                ? "redirect:/wallet/skills#own"
                : "redirect:/wallet/skills/" + id + "/edit";
    }

    @PostMapping("/wallet/skills/{id}/delete")
    @Access(Audience.LEARNER)
    String deleteSkill(@PathVariable UUID id) {
        selfAsserted.delete(learner(), new SelfAssertedSkillId(id));
        return "redirect:/wallet/skills#own";
    }

    @GetMapping("/wallet/resume")
    @Access(Audience.LEARNER)
    String resume(@RequestParam(defaultValue = "") String target, Model model) {
        AccountId learner = learner();
        model.addAttribute("resume", resume.of(learner));
        ResumeTargets answers = targets.getIfAvailable();
        model.addAttribute("targets", answers == null ? List.of() : answers.choices(learner));
        model.addAttribute("target", target(target));
        Optional<ResumeTargets.Fit> fit = fit(learner, target);
        model.addAttribute("fit", fit.orElse(null));
        model.addAttribute("unknownTarget", !target.isBlank() && fit.isEmpty());
        return "profile/resume";
    }

    /** The target's key if it has the shape of one (job:… or occupation:…), else empty. */
    private static String target(String key) {
        String k = key.strip();
        return k.length() <= 100 && (k.startsWith("job:") || k.startsWith("occupation:")) ? k : "";
    }

    private Optional<ResumeTargets.Fit> fit(AccountId learner, String key) {
        ResumeTargets answers = targets.getIfAvailable();
        String k = target(key);
        return answers == null || k.isEmpty() ? Optional.empty() : answers.fit(learner, k);
    }

    @GetMapping("/wallet/resume/pdf")
    @Access(Audience.LEARNER)
    ResponseEntity<byte[]> resumePdf(@RequestParam(defaultValue = "") String target) {
        Locale locale = LocaleContextHolder.getLocale();
        AccountId learner = learner();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("resume.pdf"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf.render(resume.of(learner), fit(learner, target), PublicUrl.current(), locale));
    }

    @GetMapping("/wallet/resume/ler-rs")
    @Access(Audience.LEARNER)
    ResponseEntity<String> resumeLerRs() {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("resume-ler-rs.json"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(lerRs.export(resume.of(learner())).toString());
    }

    @PostMapping("/wallet/experiences")
    @Access(Audience.LEARNER)
    String addExperience(Experiences.Input input, RedirectAttributes redirect) {
        saved(() -> experiences.add(learner(), input), redirect, "experienceError");
        return "redirect:/wallet/resume#experiences";
    }

    @GetMapping("/wallet/experiences/{id}/edit")
    @Access(Audience.LEARNER)
    String editExperience(@PathVariable UUID id, Model model) {
        model.addAttribute("experience", experiences.get(learner(), new ExperienceId(id)));
        return "profile/experience-edit";
    }

    @PostMapping("/wallet/experiences/{id}")
    @Access(Audience.LEARNER)
    String updateExperience(@PathVariable UUID id, Experiences.Input input, RedirectAttributes redirect) {
        return saved(() -> experiences.update(learner(), new ExperienceId(id), input), redirect, "experienceError")
                ? "redirect:/wallet/resume#experiences"
                : "redirect:/wallet/experiences/" + id + "/edit";
    }

    @PostMapping("/wallet/experiences/{id}/delete")
    @Access(Audience.LEARNER)
    String deleteExperience(@PathVariable UUID id) {
        experiences.delete(learner(), new ExperienceId(id));
        return "redirect:/wallet/resume#experiences";
    }

    /** Runs a change; a refusal that names fields goes back to the form as a message, any other is thrown. */
    private static boolean saved(Runnable change, RedirectAttributes redirect, String errorAttribute) {
        return PageRefusals.flashed(change, redirect, errorAttribute, PageRefusals::namingFields);
    }

    /** The ontology's best matches for the learner's words, for them to pick one (or keep their words). */
    private void suggestions(String words, Model model) {
        String text = words.strip();
        if (text.length() > SelfAssertedSkills.MAX_WORDS) {
            model.addAttribute("skillError", "At most " + SelfAssertedSkills.MAX_WORDS + " characters.");
            text = "";
        }
        model.addAttribute("words", text);
        List<SkillMapping.Candidate> candidates = text.isEmpty() ? List.of() : mapping.suggest(text, SUGGESTIONS);
        model.addAttribute("candidates", candidates);
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name).build().toString();
    }

    static AccountId learner() {
        return ((Actor.Person) Actors.current()).accountId();
    }
}
