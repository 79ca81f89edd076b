package org.openler.platform.matching;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.JobId;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.skills.Occupation;
import org.springframework.stereotype.Service;

/**
 * A learner's fit: their record against a job or an occupation (score, requirements, gaps, training plan), their jobs
 * sorted by fit, and the occupations their record points to. Jobs come from whatever {@link JobTargets} beans exist
 * (none until the jobs feature is there).
 */
@Service
public class Matching {

    /**
     * Occupations offered from a record: per skill held, the occupations that require it most (up to {@value
     * #REQUIRING}); the {@value #CANDIDATES} with the most and highest such places are matched in full, the best
     * {@value #SUGGESTED} shown.
     */
    static final int REQUIRING = 300;

    static final int CANDIDATES = 40;

    static final int SUGGESTED = 8;

    private final LearnerRecords records;
    private final OccupationTargets occupationTargets;
    private final TrainingOptions training;
    private final List<JobTargets> jobTargets;
    private final SkillNeighbours neighbours;

    Matching(
            LearnerRecords records,
            OccupationTargets occupationTargets,
            TrainingOptions training,
            List<JobTargets> jobTargets,
            SkillNeighbours neighbours) {
        this.neighbours = neighbours;
        this.records = records;
        this.occupationTargets = occupationTargets;
        this.training = training;
        this.jobTargets = List.copyOf(jobTargets);
    }

    /** What was matched: a job (id, title, employer) or an occupation (code, title, framework, Job Zone). */
    public record Subject(String kind, String id, String title, String by, int jobZone) {}

    /** A match with its plan; {@code emptyRecord} when the learner has no skills to match yet. */
    public record Result(Subject subject, MatchEngine.Match match, SetCover.Plan plan, boolean emptyRecord) {}

    /** One job or occupation in a list, with the learner's score. */
    public record Ranked(Subject subject, int score, int met, int total) {}

    public Result job(AccountId learner, JobId jobId, SetCover.Measure measure) {
        JobTarget job = findJob(jobId.value()).orElseThrow(() -> PlatformException.notFound("The job"));
        if (job.target().requirements().isEmpty()) {
            throw PlatformException.invalid("job", "This job lists no requirements to match against.");
        }
        return result(
                learner,
                new Subject("job", job.id().toString(), job.title(), job.employer(), 0),
                job.target(),
                measure);
    }

    public Result occupation(AccountId learner, String code, SetCover.Measure measure) {
        Occupation occupation = occupationTargets.resolve(code);
        MatchTarget target = occupationTargets.target(occupation);
        if (target.requirements().isEmpty()) {
            throw PlatformException.invalid("occupation", "This occupation lists no requirements to match against.");
        }
        return result(learner, subject(occupation), target, measure);
    }

    /** An occupation's target (its weighted skills), as matching builds it: for the demo and other features. */
    public MatchTarget occupationTarget(String code) {
        return occupationTargets.target(occupationTargets.resolve(code));
    }

    Result result(AccountId learner, Subject subject, MatchTarget target, SetCover.Measure measure) {
        LearnerRecord record = records.read(learner);
        return result(learner, record, subject, target, measure);
    }

    Result result(
            AccountId learner, LearnerRecord record, Subject subject, MatchTarget target, SetCover.Measure measure) {
        MatchEngine.Match match = MatchEngine.match(target, record);
        SetCover.Plan plan = plan(learner, match, measure);
        return new Result(subject, match, plan, record.isEmpty());
    }

    SetCover.Plan plan(AccountId learner, MatchEngine.Match match, SetCover.Measure measure) {
        if (match.gaps().isEmpty()) {
            return SetCover.Plan.none(List.of());
        }
        List<URI> skills = match.gaps().stream().map(g -> g.skill().skillUri()).toList();
        List<Neighbour> partial = new ArrayList<>(towardGaps(skills));
        // a work activity is covered in part by a credential teaching a skill O*NET links to it, as the match credits
        // it
        for (MatchEngine.Gap g : match.gaps()) {
            for (URI through : g.skill().through()) {
                partial.add(new Neighbour(through, g.skill().skillUri(), Relation.WORK_ACTIVITY));
            }
        }
        partial.sort(Comparator.comparingDouble((Neighbour n) -> n.relation().credit())
                .reversed());
        List<URI> searched = new ArrayList<>(skills);
        partial.stream()
                .map(Neighbour::held)
                .distinct()
                .limit(MAX_NEIGHBOUR_SKILLS)
                .forEach(searched::add);
        return SetCover.plan(match.gaps(), training.teaching(learner, searched), measure, partial);
    }

    /** At most this many neighbouring skills are searched in the registry for partial cover, the closest first. */
    static final int MAX_NEIGHBOUR_SKILLS = 150;

    /**
     * The ontology's edges that end at a gap: "a learner holding x reaches gap g by r", read around the gaps and
     * turned round, strongest first; exact crosswalk matches count as teaching the gap itself.
     */
    List<Neighbour> towardGaps(List<URI> gaps) {
        java.util.Set<URI> gapSet = new java.util.HashSet<>(gaps);
        return neighbours.around(gaps).stream()
                .filter(n -> !gapSet.contains(n.other()))
                .map(n -> new Neighbour(n.other(), n.held(), n.relation().inverse()))
                .sorted(java.util.Comparator.comparingDouble(
                                (Neighbour n) -> n.relation().credit())
                        .reversed())
                .toList();
    }

    /** Every open job, best fit first (then title, then id); empty when no jobs feature is there or no job is open. */
    public List<Ranked> jobs(AccountId learner) {
        return jobs(records.read(learner));
    }

    /** The learner's jobs and suggested occupations, their record read (and its credentials verified) once. */
    public record Overview(List<Ranked> jobs, List<Ranked> occupations, boolean emptyRecord) {}

    public Overview overview(AccountId learner) {
        LearnerRecord record = records.read(learner);
        return new Overview(jobs(record), suggested(record, SUGGESTED), record.isEmpty());
    }

    List<Ranked> jobs(LearnerRecord record) {
        List<Ranked> ranked = new ArrayList<>();
        for (JobTargets source : jobTargets) {
            for (JobTarget job : source.openJobs()) {
                ranked.add(ranked(
                        new Subject("job", job.id().toString(), job.title(), job.employer(), 0), job.target(), record));
            }
        }
        ranked.sort(BY_FIT);
        return ranked;
    }

    List<Ranked> suggested(LearnerRecord record, int limit) {
        Map<UUID, Double> votes = new LinkedHashMap<>();
        Map<UUID, Occupation> found = new LinkedHashMap<>();
        for (Evidence e : record.evidence()) {
            List<Occupation> requiring = occupationTargets.requiring(e.skill());
            for (int i = 0; i < requiring.size(); i++) {
                // a generic skill (Critical Thinking) is required by hundreds: a high place counts more than a low one
                Occupation o = requiring.get(i);
                votes.merge(o.id(), 1.0 - (double) i / REQUIRING, Double::sum);
                found.putIfAbsent(o.id(), o);
            }
        }
        List<Occupation> candidates = new ArrayList<>(found.values());
        candidates.sort(Comparator.<Occupation>comparingDouble(o -> votes.get(o.id()))
                .reversed()
                .thenComparing(Occupation::title));
        // a first cut on each candidate's own heaviest requirements, then the full targets (with the crosswalk's
        // counterparts) only for the best of them; both are kept per occupation until a framework is imported
        List<Occupation> first = candidates.subList(0, Math.min(CANDIDATES, candidates.size()));
        Map<UUID, Double> rough = new LinkedHashMap<>();
        for (Occupation o : first) {
            List<TargetSkill> own = occupationTargets.own(o);
            rough.put(
                    o.id(),
                    MatchEngine.exact(
                            new MatchTarget(o.title(), own.subList(0, Math.min(OccupationTargets.OWN, own.size()))),
                            record));
        }
        List<Occupation> best = new ArrayList<>(first);
        best.sort(Comparator.<Occupation>comparingDouble(o -> rough.get(o.id())).reversed());
        List<Ranked> ranked = new ArrayList<>();
        for (Occupation o : best.subList(0, Math.min(2 * limit, best.size()))) {
            ranked.add(ranked(subject(o), occupationTargets.target(o), record));
        }
        ranked.sort(BY_FIT);
        return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
    }

    static Ranked ranked(Subject subject, MatchTarget target, LearnerRecord record) {
        MatchEngine.Match m = MatchEngine.match(target, record);
        int met = (int) m.requirements().stream()
                .filter(MatchEngine.RequirementMatch::met)
                .count();
        return new Ranked(subject, m.score(), met, m.requirements().size());
    }

    /** Best fit first, then by title, then by id: two jobs alike in both keep one order, so pages never overlap. */
    static final Comparator<Ranked> BY_FIT = Comparator.comparingInt(Ranked::score)
            .reversed()
            .thenComparing(r -> r.subject().title())
            .thenComparing(r -> r.subject().id());

    Optional<JobTarget> findJob(UUID id) {
        for (JobTargets source : jobTargets) {
            Optional<JobTarget> job = source.job(new JobId(id));
            if (job.isPresent()) {
                return job;
            }
        }
        return Optional.empty();
    }

    static Subject subject(Occupation o) {
        String id = o.framework().slug().equals("onet") ? o.code() : o.uri().toString();
        return new Subject("occupation", id, o.title(), o.framework().slug(), o.jobZone());
    }

    LearnerRecord record(AccountId learner) {
        return records.read(learner);
    }

    OccupationTargets occupationTargets() {
        return occupationTargets;
    }
}
