package org.openler.platform.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.JobId;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.profile.ResumeTargets;
import org.openler.platform.skills.SkillLabels;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The resume's target, answered by matching: the learner picks one of their open jobs or suggested occupations, and
 * the resume (page and PDF) shows the match %, the credentials that meet each requirement, the gaps and the plan.
 * The same {@link Matching} results as {@code /me/matches}, cut to what a resume prints, with skill and occupation
 * labels in the request's language ({@link SkillLabels}).
 */
@Component
class ResumeFit implements ResumeTargets {

    /** At most this many gaps and plan steps on a resume: the rest is on the match page. */
    static final int SHOWN = 8;

    private final Matching matching;
    private final SkillLabels labels;

    ResumeFit(Matching matching, SkillLabels labels) {
        this.matching = matching;
        this.labels = labels;
    }

    @Override
    public List<Choice> choices(AccountId learner) {
        Matching.Overview overview = matching.overview(learner);
        List<Choice> choices = new ArrayList<>();
        Locale locale = LocaleContextHolder.getLocale();
        for (Matching.Ranked r : overview.jobs()) {
            choices.add(choice(r, labels, locale));
        }
        for (Matching.Ranked r : overview.occupations()) {
            choices.add(choice(r, labels, locale));
        }
        return choices;
    }

    private static Choice choice(Matching.Ranked r, SkillLabels labels, Locale locale) {
        Matching.Subject s = r.subject();
        String label = s.kind().equals("job")
                ? s.title() + " — " + s.by()
                : labels.occupation(s.id(), s.title(), locale) + " (" + s.id() + ")";
        return new Choice(s.kind() + ":" + s.id(), label, r.score());
    }

    @Override
    public Optional<Fit> fit(AccountId learner, String key) {
        try {
            Matching.Result result;
            if (key.startsWith("job:")) {
                result = matching.job(learner, new JobId(UUID.fromString(key.substring(4))), SetCover.Measure.TIME);
            } else if (key.startsWith("occupation:")) {
                result = matching.occupation(learner, key.substring("occupation:".length()), SetCover.Measure.TIME);
            } else {
                return Optional.empty();
            }
            return Optional.of(fit(key, result, labels, LocaleContextHolder.getLocale()));
        } catch (PlatformException | IllegalArgumentException e) {
            // an unknown or closed job, an unknown occupation code, a malformed id: the resume says so, no error
            return Optional.empty();
        }
    }

    static Fit fit(String key, Matching.Result result, SkillLabels labels, Locale locale) {
        MatchEngine.Match match = result.match();
        List<Met> met = new ArrayList<>();
        for (MatchEngine.RequirementMatch m : match.requirements()) {
            if (!m.met() || m.basis().isEmpty()) {
                continue;
            }
            Evidence evidence = m.basis().get().evidence();
            Optional<Evidence.Source.Verified> verified = evidence.sources().stream()
                    .filter(Evidence.Source.Verified.class::isInstance)
                    .map(Evidence.Source.Verified.class::cast)
                    .findFirst();
            String skill = labels.label(m.skill().skillUri(), m.skill().label(), locale);
            met.add(verified.map(v -> new Met(skill, v.credentialName(), v.issuer(), true))
                    .orElseGet(() -> new Met(skill, "", "", false)));
        }
        List<Gap> gaps = match.gaps().stream()
                .limit(SHOWN)
                .map(g -> new Gap(
                        labels.label(g.skill().skillUri(), g.skill().label(), locale),
                        g.skill().required(),
                        (int) Math.round(100 * g.coverage())))
                .toList();
        List<Step> plan = result.plan().steps().stream()
                .limit(SHOWN)
                .map(s -> new Step(
                        s.option().name(), s.option().provider(), s.closes().size()))
                .toList();
        Matching.Subject s = result.subject();
        return new Fit(key, labels.occupation(s.id(), s.title(), locale), s.by(), match.score(), met, gaps, plan);
    }
}
