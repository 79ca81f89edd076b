package org.openler.platform.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.JobId;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.skills.Occupation;
import org.springframework.stereotype.Service;

/**
 * A share's target: a job or an occupation the learner aims the share at, and the fit the share's reader sees. The
 * fit is the same engine and the same training plan as the learner's own match page, over a smaller record: only the
 * credentials in the share (read and verified now), never the learner's other credentials or their own statements.
 * The plan is priced as the registry lists it (credit the learner holds would come from records not shared).
 */
@Service
public class SharedFits {

    public static final int MAX_KEY = 300;

    private final Matching matching;
    private final LearnerRecords records;
    private final OccupationTargets occupationTargets;
    private final TrainingOptions training;
    private final List<JobTargets> jobTargets;

    SharedFits(
            Matching matching,
            LearnerRecords records,
            OccupationTargets occupationTargets,
            TrainingOptions training,
            List<JobTargets> jobTargets) {
        this.matching = matching;
        this.records = records;
        this.occupationTargets = occupationTargets;
        this.training = training;
        this.jobTargets = List.copyOf(jobTargets);
    }

    /** What a share aims at: {@code job} (its id) or {@code occupation} (an O*NET-SOC code or ESCO URI), and its title. */
    public record Target(String kind, String ref, String title) {

        public String key() {
            return kind + ":" + ref;
        }
    }

    /** A target the learner can pick: its key ({@code job:<id>} or {@code occupation:<code>}) and what to call it. */
    public record Choice(String key, String label) {}

    /** A requirement met, and the shared credential behind it ({@code verified}, {@code endorsed}, {@code self-asserted}). */
    public record Met(
            String skill,
            double weight,
            boolean required,
            String kind,
            @Nullable UUID credentialId,
            String credential,
            String issuer,
            boolean exact) {}

    /** A requirement not fully met: its weight, how much of it the shared credentials cover, and what is missing. */
    public record Gap(String skill, double weight, boolean required, int coveredPercent, double missing, String kind) {}

    /** A step of the training plan: a registry credential and the gaps it closes. */
    public record Step(
            String ctid,
            String name,
            String provider,
            @Nullable Double hours,
            @Nullable Double cost,
            String currency,
            List<String> closes) {}

    /** The plan's totals, and the gaps nothing in the registry teaches. */
    public record Totals(int steps, double hours, double cost, String currency, List<String> uncovered) {}

    /**
     * The fit of a share to its target: the score (0–100), each requirement met with its credential, the gaps in order
     * of weight × what is missing, and the plan. {@code closed}: the job no longer takes applicants (it still matches).
     */
    public record Fit(
            String kind,
            String id,
            String title,
            String by,
            boolean closed,
            int score,
            int requirements,
            List<Met> met,
            List<Gap> gaps,
            List<Step> plan,
            Totals totals) {}

    /**
     * The target a key names, checked as a share is made: an open job, or an occupation the ontology knows. Anything
     * else is refused on field {@code target}, in words the learner can act on.
     */
    public Target resolve(String key) {
        String k = key.strip();
        if (k.length() > MAX_KEY) {
            throw PlatformException.invalid("target", "Choose one of the open jobs or an occupation.");
        }
        if (k.startsWith("job:")) {
            Optional<JobId> id = JobId.parse(k.substring(4).strip());
            Optional<JobTarget> job = id.flatMap(this::findJob);
            if (job.isEmpty()) {
                throw PlatformException.invalid("target", "There is no such job: choose one of the open jobs.");
            }
            if (!isOpen(id.get())) {
                throw PlatformException.invalid(
                        "target", "\"" + job.get().title() + "\" is closed: choose one of the open jobs.");
            }
            return new Target("job", job.get().id().toString(), job.get().title());
        }
        if (k.startsWith("occupation:")) {
            String code = k.substring("occupation:".length()).strip();
            Optional<Occupation> occupation;
            try {
                occupation = occupationTargets.find(code);
            } catch (PlatformException e) {
                throw PlatformException.invalid(
                        "target", "An occupation is an O*NET-SOC code (such as 29-1141.00) or an ESCO occupation URI.");
            }
            if (occupation.isEmpty()) {
                throw PlatformException.invalid("target", "There is no occupation " + code + ".");
            }
            Matching.Subject subject = Matching.subject(occupation.get());
            return new Target("occupation", subject.id(), subject.title());
        }
        throw PlatformException.invalid(
                "target", "Name the target as job:<id> or occupation:<O*NET-SOC code>, or leave it out.");
    }

    /** The open jobs and the occupations the learner's record points to: the resume's own choices. */
    public List<Choice> choices(AccountId learner) {
        Matching.Overview overview = matching.overview(learner);
        List<Choice> choices = new ArrayList<>();
        for (Matching.Ranked r : overview.jobs()) {
            choices.add(new Choice(
                    "job:" + r.subject().id(),
                    r.subject().title() + " — " + r.subject().by()));
        }
        for (Matching.Ranked r : overview.occupations()) {
            choices.add(new Choice(
                    "occupation:" + r.subject().id(),
                    r.subject().title() + " (" + r.subject().id() + ")"));
        }
        return choices;
    }

    /**
     * The fit of the shared credentials (id → name as shared) to the target, now; empty when the target can no longer
     * be matched (the job is gone, the occupation left the ontology, it lists no requirements). {@code selfIssued}:
     * shared credentials the learner's own key signed, counted as self-asserted.
     */
    public Optional<Fit> fit(AccountId learner, Target target, Map<UUID, String> shared, Set<UUID> selfIssued) {
        Matching.Subject subject;
        MatchTarget wanted;
        boolean closed = false;
        if (target.kind().equals("job")) {
            Optional<JobId> id = JobId.parse(target.ref());
            Optional<JobTarget> job = id.flatMap(this::findJob);
            if (job.isEmpty()) {
                return Optional.empty();
            }
            closed = !isOpen(id.get());
            subject = new Matching.Subject(
                    "job", target.ref(), job.get().title(), job.get().employer(), 0);
            wanted = job.get().target();
        } else {
            Optional<Occupation> occupation;
            try {
                occupation = occupationTargets.find(target.ref());
            } catch (PlatformException e) {
                return Optional.empty();
            }
            if (occupation.isEmpty()) {
                return Optional.empty();
            }
            subject = Matching.subject(occupation.get());
            wanted = occupationTargets.target(occupation.get());
        }
        if (wanted.requirements().isEmpty()) {
            return Optional.empty();
        }
        LearnerRecord record = records.shared(learner, shared, selfIssued);
        MatchEngine.Match match = MatchEngine.match(wanted, record);
        SetCover.Plan plan = match.gaps().isEmpty()
                ? SetCover.Plan.none(List.of())
                : SetCover.plan(
                        match.gaps(),
                        training.teachingAsListed(match.gaps().stream()
                                .map(g -> g.skill().skillUri())
                                .toList()),
                        SetCover.Measure.TIME);
        return Optional.of(fit(subject, closed, match, plan, shared));
    }

    static Fit fit(
            Matching.Subject subject,
            boolean closed,
            MatchEngine.Match match,
            SetCover.Plan plan,
            Map<UUID, String> shared) {
        List<Met> met = new ArrayList<>();
        for (MatchEngine.RequirementMatch m : match.requirements()) {
            if (!m.met() || m.basis().isEmpty()) {
                continue;
            }
            LearnerRecord.Reach basis = m.basis().get();
            TargetSkill skill = m.skill();
            met.add(
                    switch (basis.source()) {
                        case Evidence.Source.Verified v ->
                            new Met(
                                    skill.label(),
                                    skill.weight(),
                                    skill.required(),
                                    v.kind(),
                                    v.credential(),
                                    shared.getOrDefault(v.credential(), v.credentialName()),
                                    v.issuer(),
                                    basis.relation() == Relation.SAME);
                        case Evidence.Source.Endorsed e ->
                            new Met(
                                    skill.label(),
                                    skill.weight(),
                                    skill.required(),
                                    e.kind(),
                                    e.credential(),
                                    shared.getOrDefault(e.credential(), ""),
                                    e.endorser(),
                                    basis.relation() == Relation.SAME);
                        case Evidence.Source.SelfAsserted a ->
                            new Met(
                                    skill.label(),
                                    skill.weight(),
                                    skill.required(),
                                    a.kind(),
                                    a.statement(),
                                    shared.getOrDefault(a.statement(), a.ownWords()),
                                    "",
                                    basis.relation() == Relation.SAME);
                    });
        }
        List<Gap> gaps = match.gaps().stream()
                .map(g -> new Gap(
                        g.skill().label(),
                        g.skill().weight(),
                        g.skill().required(),
                        (int) Math.round(100 * g.coverage()),
                        g.priority(),
                        g.kind().name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
        List<Step> steps = plan.steps().stream()
                .map(s -> new Step(
                        s.option().ctid(),
                        s.option().name(),
                        s.option().provider(),
                        s.option().hours().orElse(null),
                        s.option().cost().orElse(null),
                        s.option().currency(),
                        s.closes().stream().map(g -> g.skill().label()).toList()))
                .toList();
        Totals totals = new Totals(
                steps.size(),
                plan.hours(),
                plan.cost(),
                plan.currency(),
                plan.uncovered().stream().map(g -> g.skill().label()).toList());
        return new Fit(
                subject.kind(),
                subject.id(),
                subject.title(),
                subject.by(),
                closed,
                match.score(),
                match.requirements().size(),
                met,
                gaps,
                steps,
                totals);
    }

    private Optional<JobTarget> findJob(JobId id) {
        return matching.findJob(id.value());
    }

    private boolean isOpen(JobId id) {
        for (JobTargets source : jobTargets) {
            if (source.job(id).isPresent()) {
                return source.isOpen(id);
            }
        }
        return false;
    }
}
