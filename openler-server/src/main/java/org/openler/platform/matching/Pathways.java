package org.openler.platform.matching;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.Match;
import org.openler.platform.skills.Occupation;
import org.openler.platform.skills.OccupationId;
import org.openler.platform.skills.Occupations;
import org.springframework.stereotype.Service;

/**
 * Career pathways: from where the learner is (an occupation they name, or the one their record fits best) to next
 * roles. Candidates are O*NET's related occupations that keep or raise the Job Zone; each is ranked by
 *
 * <pre>
 *   rank = 0.5 × fit (the learner's match score ÷ 100) + 0.3 × overlap (share of the role's skill weight the current
 *          occupation also asks for) + 0.2 × progression (1 for one Job Zone up, 0.6 for two, 0.5 for the same)
 * </pre>
 *
 * With a destination, the route is the shortest chain of related occupations to it (at most {@value #MAX_HOPS}
 * steps, found breadth first); each step shows its gap and the training that closes it.
 */
@Service
public class Pathways {

    static final int NEXT = 5;
    static final int RELATED = 12;
    static final int MAX_HOPS = 3;
    static final int MAX_VISITED = 300;

    private final Matching matching;
    private final Occupations occupations;
    private final Competencies competencies;

    Pathways(Matching matching, Occupations occupations, Competencies competencies) {
        this.matching = matching;
        this.occupations = occupations;
        this.competencies = competencies;
    }

    /** A role on the way: the occupation, the learner's match and plan, and why it was chosen. */
    public record Role(Matching.Subject subject, Matching.Result result, double overlap, int jobZoneStep, double rank) {

        /** The labels of the three heaviest gaps, for a line of text. */
        public List<String> topGaps() {
            return result.match().gaps().stream()
                    .limit(3)
                    .map(g -> g.skill().label())
                    .toList();
        }
    }

    /** Where the learner starts, the next roles proposed, and the route to a chosen destination (empty without one). */
    public record Pathway(Optional<Role> start, List<Role> next, List<Role> route, boolean emptyRecord) {}

    public Pathway pathways(AccountId learner, String from, String to, SetCover.Measure measure) {
        LearnerRecord record = matching.record(learner);
        OccupationTargets targets = matching.occupationTargets();
        Optional<Occupation> destination = to.isBlank() ? Optional.empty() : Optional.of(onet(targets.resolve(to)));
        Occupation start;
        if (!from.isBlank()) {
            start = onet(targets.resolve(from));
        } else {
            Optional<Occupation> best = matching.suggested(record, 1).stream()
                    .findFirst()
                    .flatMap(r -> targets.find(r.subject().id()))
                    .map(this::onet);
            if (best.isEmpty()) {
                return new Pathway(Optional.empty(), List.of(), List.of(), record.isEmpty());
            }
            start = best.get();
        }
        MatchTarget startTarget = targets.target(start);
        Role here = role(learner, record, start, startTarget, start, measure);
        List<Role> next = new ArrayList<>();
        for (Occupation o : occupations.related(new OccupationId(start.id()))) {
            if (next.size() >= RELATED) {
                break;
            }
            if (o.jobZone() >= start.jobZone() || o.jobZone() == 0 || start.jobZone() == 0) {
                next.add(role(learner, record, o, startTarget, start, null));
            }
        }
        next.sort(Comparator.comparingDouble(Role::rank).reversed());
        List<Role> proposed = new ArrayList<>();
        for (Role r : next.subList(0, Math.min(NEXT, next.size()))) {
            // the plan only for the roles shown
            Occupation o = targets.find(r.subject().id()).orElseThrow();
            proposed.add(role(learner, record, o, startTarget, start, measure));
        }
        List<Role> route = new ArrayList<>();
        if (destination.isPresent()) {
            for (Occupation step : route(start, destination.get())) {
                route.add(role(learner, record, step, startTarget, start, measure));
            }
        }
        return new Pathway(Optional.of(here), List.copyOf(proposed), List.copyOf(route), record.isEmpty());
    }

    /** An ESCO occupation is placed in O*NET (related occupations and Job Zones are O*NET's) through the crosswalk. */
    private Occupation onet(Occupation o) {
        if (o.framework().slug().equals("onet")) {
            return o;
        }
        for (Match m : competencies.matches(o.uri())) {
            if (m.uri().toString().startsWith(OccupationTargets.ONET_BASE)) {
                Optional<Occupation> found = occupations.byUri(m.uri());
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw PlatformException.invalid("occupation", "This occupation has no O*NET counterpart to plan a path from.");
    }

    /** The shortest chain of related occupations from start to destination (excluding start), or just the destination. */
    List<Occupation> route(Occupation start, Occupation destination) {
        if (start.id().equals(destination.id())) {
            return List.of();
        }
        Map<UUID, Occupation> parent = new HashMap<>();
        Map<UUID, Integer> depth = new HashMap<>();
        Set<UUID> seen = new HashSet<>(Set.of(start.id()));
        Deque<Occupation> queue = new ArrayDeque<>(List.of(start));
        depth.put(start.id(), 0);
        while (!queue.isEmpty() && seen.size() < MAX_VISITED) {
            Occupation here = queue.poll();
            if (depth.get(here.id()) >= MAX_HOPS) {
                continue;
            }
            for (Occupation next : occupations.related(new OccupationId(here.id()))) {
                if (seen.add(next.id())) {
                    parent.put(next.id(), here);
                    depth.put(next.id(), depth.get(here.id()) + 1);
                    if (next.id().equals(destination.id())) {
                        List<Occupation> chain = new ArrayList<>();
                        for (Occupation o = next; !o.id().equals(start.id()); o = parent.get(o.id())) {
                            chain.addFirst(o);
                        }
                        return chain;
                    }
                    queue.add(next);
                }
            }
        }
        return List.of(destination);
    }

    private Role role(
            AccountId learner,
            LearnerRecord record,
            Occupation o,
            MatchTarget startTarget,
            Occupation start,
            SetCover.@Nullable Measure measure) {
        MatchTarget target = matching.occupationTargets().target(o);
        Matching.Subject subject = Matching.subject(o);
        Matching.Result result = measure == null
                ? new Matching.Result(
                        subject, MatchEngine.match(target, record), SetCover.Plan.none(List.of()), record.isEmpty())
                : matching.result(learner, record, subject, target, measure);
        double overlap = overlap(startTarget, target);
        int step = o.jobZone() - start.jobZone();
        double progression = step == 1 ? 1 : step == 2 ? 0.6 : step == 0 ? 0.5 : 0;
        double rank = 0.5 * result.match().exact() / 100 + 0.3 * overlap + 0.2 * progression;
        return new Role(subject, result, overlap, step, rank);
    }

    /** The share of the role's skill weight that the current occupation also asks for. */
    static double overlap(MatchTarget current, MatchTarget role) {
        Set<String> here = new HashSet<>();
        current.requirements().forEach(s -> here.add(s.skillUri().toString()));
        double shared = 0;
        for (TargetSkill s : role.requirements()) {
            if (here.contains(s.skillUri().toString())) {
                shared += s.weight();
            }
        }
        double total = role.totalWeight();
        return total <= 0 ? 0 : shared / total;
    }
}
