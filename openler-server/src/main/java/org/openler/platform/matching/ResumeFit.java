package org.openler.platform.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.JobId;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.profile.ResumeTargets;
import org.springframework.stereotype.Component;

/**
 * The resume's target, answered by matching: the learner picks one of their open jobs or suggested occupations, and
 * the resume (page and PDF) shows the match %, the credentials that meet each requirement, the gaps and the plan.
 * The same {@link Matching} results as {@code /me/matches}, cut to what a resume prints.
 */
@Component
class ResumeFit implements ResumeTargets {

    /** At most this many gaps and plan steps on a resume: the rest is on the match page. */
    static final int SHOWN = 8;

    private final Matching matching;

    ResumeFit(Matching matching) {
        this.matching = matching;
    }

    @Override
    public List<Choice> choices(AccountId learner) {
        Matching.Overview overview = matching.overview(learner);
        List<Choice> choices = new ArrayList<>();
        for (Matching.Ranked r : overview.jobs()) {
            choices.add(choice(r));
        }
        for (Matching.Ranked r : overview.occupations()) {
            choices.add(choice(r));
        }
        return choices;
    }

    private static Choice choice(Matching.Ranked r) {
        Matching.Subject s = r.subject();
        String label = s.kind().equals("job") ? s.title() + " — " + s.by() : s.title() + " (" + s.id() + ")";
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
            return Optional.of(fit(key, result));
        } catch (PlatformException | IllegalArgumentException e) {
            // an unknown or closed job, an unknown occupation code, a malformed id: the resume says so, no error
            return Optional.empty();
        }
    }

    static Fit fit(String key, Matching.Result result) {
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
            met.add(verified.map(v -> new Met(m.skill().label(), v.credentialName(), v.issuer(), true))
                    .orElseGet(() -> new Met(m.skill().label(), "", "", false)));
        }
        List<Gap> gaps = match.gaps().stream()
                .limit(SHOWN)
                .map(g -> new Gap(g.skill().label(), g.skill().required(), (int) Math.round(100 * g.coverage())))
                .toList();
        List<Step> plan = result.plan().steps().stream()
                .limit(SHOWN)
                .map(s -> new Step(
                        s.option().name(), s.option().provider(), s.closes().size()))
                .toList();
        Matching.Subject s = result.subject();
        return new Fit(key, s.title(), s.by(), match.score(), met, gaps, plan);
    }
}
