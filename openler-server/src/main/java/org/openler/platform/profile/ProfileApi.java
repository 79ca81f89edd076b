package org.openler.platform.profile;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.skills.SkillMapping;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in learner's skills profile, experiences and resume (LER-RS) as JSON. Their own data only. */
@RestController
class ProfileApi {

    private final SkillsProfile profile;
    private final SelfAssertedSkills selfAsserted;
    private final Experiences experiences;
    private final SkillMapping mapping;
    private final Resume resume;
    private final LerRsExport lerRs;

    ProfileApi(
            SkillsProfile profile,
            SelfAssertedSkills selfAsserted,
            Experiences experiences,
            SkillMapping mapping,
            Resume resume,
            LerRsExport lerRs) {
        this.profile = profile;
        this.selfAsserted = selfAsserted;
        this.experiences = experiences;
        this.mapping = mapping;
        this.resume = resume;
        this.lerRs = lerRs;
    }

    /** One source of a skill: {@code verified}, {@code endorsed} or {@code self-asserted}, with what backs it. */
    record SourceView(
            String kind,
            @Nullable UUID credential,
            @Nullable String credentialName,
            @Nullable String by,
            @Nullable String comment,
            @Nullable UUID skill,
            @Nullable String evidenceUrl,
            @Nullable String evidenceText,
            @Nullable UUID evidenceCredential) {

        static SourceView of(Provenance source) {
            return switch (source) {
                case Provenance.Verified v ->
                    new SourceView(
                            "verified", v.credential(), v.credentialName(), v.issuer(), null, null, null, null, null);
                case Provenance.Endorsed e ->
                    new SourceView("endorsed", e.credential(), null, e.endorser(), e.comment(), null, null, null, null);
                case Provenance.SelfAsserted s ->
                    new SourceView(
                            "self-asserted",
                            null,
                            null,
                            null,
                            null,
                            s.skill(),
                            s.evidenceUrl() == null ? null : s.evidenceUrl().toString(),
                            s.evidenceText(),
                            s.evidenceCredential());
            };
        }
    }

    record SkillView(@Nullable String competency, String label, List<SourceView> sources) {}

    record SkillRequest(
            @Nullable String ownWords,
            @Nullable String competency,
            @Nullable String evidenceUrl,
            @Nullable String evidenceText,
            @Nullable String evidenceCredential,
            @Nullable Integer level) {

        SelfAssertedSkills.Input input() {
            return new SelfAssertedSkills.Input(
                    nz(ownWords),
                    nz(competency),
                    nz(evidenceUrl),
                    nz(evidenceText),
                    nz(evidenceCredential),
                    level == null ? "" : level.toString());
        }
    }

    record OwnSkillView(
            UUID id,
            String ownWords,
            @Nullable String competency,
            @Nullable String competencyLabel,
            @Nullable String evidenceUrl,
            @Nullable String evidenceText,
            @Nullable UUID evidenceCredential,
            @Nullable Integer level) {

        static OwnSkillView of(SelfAssertedSkill s) {
            return new OwnSkillView(
                    s.id(),
                    s.ownWords(),
                    s.competencyUri() == null ? null : s.competencyUri().toString(),
                    s.competencyLabel(),
                    s.evidenceUrl() == null ? null : s.evidenceUrl().toString(),
                    s.evidenceText(),
                    s.evidenceCredential(),
                    s.level() > 0 ? s.level() : null);
        }
    }

    record ExperienceRequest(
            @Nullable String kind,
            @Nullable String title,
            @Nullable String organization,
            @Nullable String start,
            @Nullable String end,
            @Nullable String description) {

        Experiences.Input input() {
            return new Experiences.Input(nz(kind), nz(title), nz(organization), nz(start), nz(end), nz(description));
        }
    }

    record ExperienceView(
            UUID id,
            String kind,
            String title,
            String organization,
            @Nullable LocalDate start,
            @Nullable LocalDate end,
            String description) {

        static ExperienceView of(Experience e) {
            return new ExperienceView(
                    e.id(),
                    e.kind().name().toLowerCase(),
                    e.title(),
                    e.organization(),
                    e.start(),
                    e.end(),
                    e.description());
        }
    }

    @GetMapping(value = "/api/v1/profile/skills", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    List<SkillView> skills() {
        return profile.skills(ProfilePages.learner()).stream()
                .map(s -> new SkillView(
                        s.competency().map(URI::toString).orElse(null),
                        s.label(),
                        s.sources().stream().map(SourceView::of).toList()))
                .toList();
    }

    @GetMapping(value = "/api/v1/profile/skills/own", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    List<OwnSkillView> ownSkills() {
        return selfAsserted.list(ProfilePages.learner()).stream()
                .map(OwnSkillView::of)
                .toList();
    }

    /** The ontology's best matches for the learner's words ({@code ?words=…}), to pick one for a skill of their own. */
    @GetMapping(value = "/api/v1/profile/skills/suggestions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    List<SkillMapping.Candidate> suggestions(@RequestParam(defaultValue = "") String words) {
        if (words.isBlank() || words.strip().length() > SelfAssertedSkills.MAX_WORDS) {
            throw PlatformException.invalid("words", "Between 1 and " + SelfAssertedSkills.MAX_WORDS + " characters.");
        }
        return mapping.suggest(words, ProfilePages.SUGGESTIONS);
    }

    @PostMapping(value = "/api/v1/profile/skills/own", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    ResponseEntity<OwnSkillView> addSkill(@RequestBody @Nullable SkillRequest request) {
        UUID id = selfAsserted.add(ProfilePages.learner(), body(request).input());
        return ResponseEntity.created(URI.create("/api/v1/profile/skills/own/" + id))
                .body(OwnSkillView.of(selfAsserted.get(ProfilePages.learner(), new SelfAssertedSkillId(id))));
    }

    @PutMapping(value = "/api/v1/profile/skills/own/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    OwnSkillView updateSkill(@PathVariable UUID id, @RequestBody @Nullable SkillRequest request) {
        selfAsserted.update(
                ProfilePages.learner(),
                new SelfAssertedSkillId(id),
                body(request).input());
        return OwnSkillView.of(selfAsserted.get(ProfilePages.learner(), new SelfAssertedSkillId(id)));
    }

    @DeleteMapping("/api/v1/profile/skills/own/{id}")
    @Access(Audience.LEARNER)
    ResponseEntity<Void> deleteSkill(@PathVariable UUID id) {
        selfAsserted.delete(ProfilePages.learner(), new SelfAssertedSkillId(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping(value = "/api/v1/profile/experiences", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    List<ExperienceView> experiences() {
        return experiences.list(ProfilePages.learner()).stream()
                .map(ExperienceView::of)
                .toList();
    }

    @PostMapping(value = "/api/v1/profile/experiences", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    ResponseEntity<ExperienceView> addExperience(@RequestBody @Nullable ExperienceRequest request) {
        UUID id = experiences.add(ProfilePages.learner(), body(request).input());
        return ResponseEntity.created(URI.create("/api/v1/profile/experiences/" + id))
                .body(ExperienceView.of(experiences.get(ProfilePages.learner(), new ExperienceId(id))));
    }

    @PutMapping(value = "/api/v1/profile/experiences/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    ExperienceView updateExperience(@PathVariable UUID id, @RequestBody @Nullable ExperienceRequest request) {
        experiences.update(
                ProfilePages.learner(), new ExperienceId(id), body(request).input());
        return ExperienceView.of(experiences.get(ProfilePages.learner(), new ExperienceId(id)));
    }

    @DeleteMapping("/api/v1/profile/experiences/{id}")
    @Access(Audience.LEARNER)
    ResponseEntity<Void> deleteExperience(@PathVariable UUID id) {
        experiences.delete(ProfilePages.learner(), new ExperienceId(id));
        return ResponseEntity.noContent().build();
    }

    /** The resume as HR Open LER-RS 4.4 JSON, credentials embedded. */
    @GetMapping(value = "/api/v1/profile/resume", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    ResponseEntity<String> resume() {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(lerRs.export(resume.of(ProfilePages.learner())).toString());
    }

    private static <T> T body(@Nullable T request) {
        if (request == null) {
            throw new PlatformException(Problem.MALFORMED_REQUEST, "Send a JSON object.");
        }
        return request;
    }

    private static String nz(@Nullable String value) {
        return value == null ? "" : value;
    }
}
