package org.openler.platform.jobs;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.FrameworkImported;
import org.openler.platform.skills.Match;
import org.openler.platform.skills.Occupation;
import org.openler.platform.skills.OccupationId;
import org.openler.platform.skills.Occupations;
import org.openler.platform.skills.Requirement;
import org.openler.platform.skills.RequirementSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An O*NET occupation's competency "DNA" as proposed requirements of a job, each with a weight in (0, 1], a level
 * 1–5, required when the weight is at least {@link #REQUIRED}, and the basis it rests on. Five sources, each with its
 * formula (docs/jobs.md writes them out):
 *
 * <ul>
 *   <li>O*NET skills and knowledge the occupation rates: weight {@code (IM − 1) / 4}, kept when IM ≥ 3; level from
 *       O*NET's level. A rating whose level O*NET recommends suppressing is left out.
 *   <li>When O*NET does not rate the occupation: the ratings of its related occupations, averaged with the related
 *       occupations' rank as weight (ρ = 1 for the first down to 0.5 for the last); an element few of them rate
 *       weighs little.
 *   <li>Technology skills: 0.7 in demand, 0.6 hot, 0.5 otherwise, times {@code 0.75 + 0.25 × share} of the related
 *       occupations that use it too.
 *   <li>ESCO skills of the occupations the crosswalk matches (exact or close; broad or narrow when there is none):
 *       {@code e × (0.35 + 0.35 × share of matched ESCO occupations listing it + 0.2 × share of the related
 *       occupations' ESCO counterparts listing it)}, e = 1 when essential to any of them, 0.5 when only optional (at
 *       most 0.9, so O*NET's own ratings lead).
 *   <li>Detailed work activities linked to the occupation's tasks: {@link ActivityRequirements} (task share and the
 *       importance of the skills O*NET links to the activity; at most 0.7, at most 8).
 * </ul>
 *
 * <p>Everything here depends on the ontology alone, so it is kept in memory until a framework is imported: each
 * occupation's requirement set and related occupations, each crosswalk lookup, and each proposal. A draft from a title
 * then costs the title ranking and, for an occupation proposed before, no query at all; an occupation seen for the
 * first time costs only the requirement sets no earlier proposal has read (related occupations are shared widely).
 */
@Component
public class CompetencyDna {

    static final double REQUIRED = 0.6;
    static final String ESCO_OCCUPATION = "http://data.europa.eu/esco/occupation/";
    private static final int RELATED = 10;
    private static final int MAX_RATED = 12;
    private static final int MAX_TECHNOLOGY = 10;
    private static final int MAX_ESCO = 15;

    /** An ESCO occupation the crosswalk matches to the O*NET one. */
    public record Counterpart(URI uri, String title, String relation) {}

    /** One proposed requirement, with the kind of competency and why it is proposed. */
    public record Proposed(
            URI skill,
            String label,
            String kind,
            double weight,
            boolean required,
            int level,
            String source,
            boolean hotTechnology,
            String basis) {

        JobRequirement requirement() {
            return new JobRequirement(skill, label, weight, required, level, source);
        }
    }

    /** The occupation, its ESCO counterparts, whether O*NET rates it, and the proposed requirements, heaviest first. */
    public record Proposal(Occupation occupation, List<Counterpart> esco, boolean rated, List<Proposed> requirements) {}

    private final Occupations occupations;
    private final Competencies competencies;
    private final Map<UUID, List<Requirement>> requirements = new ConcurrentHashMap<>();
    private final Map<UUID, List<Occupation>> related = new ConcurrentHashMap<>();
    private final Map<URI, List<Match>> matches = new ConcurrentHashMap<>();
    private final Map<URI, List<Requirement>> escoRequirements = new ConcurrentHashMap<>();
    private final Map<UUID, Proposal> proposals = new ConcurrentHashMap<>();

    private final WorkActivities activities;

    CompetencyDna(Occupations occupations, Competencies competencies, WorkActivities activities) {
        this.occupations = occupations;
        this.competencies = competencies;
        this.activities = activities;
    }

    /** A new framework version changes requirements, relations and the crosswalk: read them again. */
    @EventListener
    void on(FrameworkImported imported) {
        proposals.clear();
        requirements.clear();
        related.clear();
        matches.clear();
        escoRequirements.clear();
    }

    public Proposal propose(Occupation occupation) {
        Proposal known = proposals.get(occupation.id());
        if (known != null) {
            return known;
        }
        Proposal fresh = build(occupation);
        proposals.putIfAbsent(occupation.id(), fresh);
        return fresh;
    }

    /** The crosswalk's matches of a URI (either side), read once. */
    List<Match> matches(URI uri) {
        return matches.computeIfAbsent(uri, u -> List.copyOf(competencies.matches(u)));
    }

    private List<Requirement> requirements(UUID occupation) {
        return requirements.computeIfAbsent(
                occupation, id -> List.copyOf(occupations.requirements(new OccupationId(id))));
    }

    private Proposal build(Occupation occupation) {
        List<Requirement> own = requirements(occupation.id());
        List<Occupation> related = this.related.computeIfAbsent(
                occupation.id(),
                id -> occupations.related(new OccupationId(id)).stream()
                        .limit(RELATED)
                        .toList());
        List<List<Requirement>> relatedRequirements =
                related.stream().map(r -> requirements(r.id())).toList();
        double[] rho = new double[related.size()];
        for (int i = 0; i < rho.length; i++) {
            rho[i] = 1 - 0.5 * i / Math.max(1, rho.length - 1);
        }
        int baseLevel = occupation.jobZone() == 0 ? 3 : Math.clamp(occupation.jobZone(), 1, 5);

        Map<URI, Proposed> proposed = new LinkedHashMap<>();
        List<Requirement> rated =
                own.stream().filter(r -> r.source() == RequirementSource.RATED).toList();
        boolean isRated = !rated.isEmpty();
        Map<URI, Double> importance = new HashMap<>();
        if (isRated) {
            rated.forEach(r -> importance.merge(r.competencyUri(), r.weight(), Math::max));
            rated.stream()
                    .filter(r -> r.proficiency() > 0 && r.weight() >= 0.5)
                    .limit(MAX_RATED)
                    .forEach(r -> add(
                            proposed,
                            r,
                            r.weight(),
                            r.proficiency(),
                            "rated",
                            "O*NET importance " + importance(r.weight()) + " of 5"));
        } else {
            importance.putAll(borrowRatings(proposed, relatedRequirements, rho));
        }
        technology(proposed, own, relatedRequirements, rho, baseLevel);
        for (ActivityRequirements.Weighed w :
                ActivityRequirements.weigh(activities.of(occupation.code()), importance)) {
            add(
                    proposed,
                    w.activity().uri(),
                    w.activity().title(),
                    ActivityRequirements.KIND,
                    false,
                    w.weight(),
                    baseLevel,
                    ActivityRequirements.SOURCE,
                    ActivityRequirements.basis(w, !isRated));
        }
        List<Counterpart> esco = counterparts(occupation.uri());
        escoSkills(proposed, esco, related, rho, baseLevel);

        List<Proposed> list = new ArrayList<>(proposed.values());
        list.sort(Comparator.comparingDouble(Proposed::weight)
                .reversed()
                .thenComparing(Proposed::source)
                .thenComparing(Proposed::label));
        return new Proposal(occupation, esco, isRated, List.copyOf(list));
    }

    /**
     * Related occupations' ratings, rank-weighted; only related occupations that O*NET rates count. Returns every
     * borrowed weight by URI (also those too light to propose), which the work activities' weights read.
     */
    private Map<URI, Double> borrowRatings(Map<URI, Proposed> proposed, List<List<Requirement>> related, double[] rho) {
        record Sum(Requirement any, double weight, double level, double levelRho, int count) {}
        Map<URI, Sum> sums = new LinkedHashMap<>();
        double total = 0;
        for (int i = 0; i < related.size(); i++) {
            List<Requirement> rated = related.get(i).stream()
                    .filter(r -> r.source() == RequirementSource.RATED && r.proficiency() > 0)
                    .toList();
            if (rated.isEmpty()) {
                continue;
            }
            total += rho[i];
            double p = rho[i];
            for (Requirement r : rated) {
                sums.merge(
                        r.competencyUri(),
                        new Sum(r, p * r.weight(), p * r.proficiency(), p, 1),
                        (a, b) -> new Sum(
                                a.any(),
                                a.weight() + b.weight(),
                                a.level() + b.level(),
                                a.levelRho() + b.levelRho(),
                                a.count() + b.count()));
            }
        }
        double denominator = total;
        Map<URI, Double> borrowed = new HashMap<>();
        sums.forEach((uri, sum) -> borrowed.put(uri, sum.weight() / denominator));
        record Borrowed(Sum sum, double weight) {}
        sums.values().stream()
                .map(sum -> new Borrowed(sum, sum.weight() / denominator))
                .filter(b -> b.weight() >= 0.45)
                .sorted(Comparator.comparingDouble(Borrowed::weight).reversed())
                .limit(MAX_RATED)
                .forEach(b -> add(
                        proposed,
                        b.sum().any(),
                        b.weight(),
                        (int) Math.round(b.sum().level() / b.sum().levelRho()),
                        "related",
                        "rated for " + b.sum().count() + " related occupation"
                                + (b.sum().count() == 1 ? "" : "s")));
        return borrowed;
    }

    private void technology(
            Map<URI, Proposed> proposed,
            List<Requirement> own,
            List<List<Requirement>> related,
            double[] rho,
            int baseLevel) {
        double total = 0;
        Map<URI, Double> support = new HashMap<>();
        for (int i = 0; i < related.size(); i++) {
            total += rho[i];
            double p = rho[i];
            related.get(i).stream()
                    .filter(r -> r.source() == RequirementSource.TECHNOLOGY)
                    .map(Requirement::competencyUri)
                    .distinct()
                    .forEach(uri -> support.merge(uri, p, Double::sum));
        }
        double denominator = total;
        record Used(Requirement requirement, double weight, double share) {}
        own.stream()
                .filter(r -> r.source() == RequirementSource.TECHNOLOGY)
                .map(r -> {
                    double share = denominator == 0 ? 0 : support.getOrDefault(r.competencyUri(), 0.0) / denominator;
                    return new Used(r, r.weight() * (0.75 + 0.25 * share), share);
                })
                .sorted(Comparator.comparingDouble(Used::weight)
                        .reversed()
                        .thenComparing(u -> u.requirement().label()))
                .limit(MAX_TECHNOLOGY)
                .forEach(u -> {
                    Requirement r = u.requirement();
                    String flags = r.inDemand() ? "in demand" : r.hotTechnology() ? "hot technology" : "technology";
                    add(
                            proposed,
                            r,
                            u.weight(),
                            baseLevel,
                            "technology",
                            flags + ", used by " + Math.round(u.share() * 100) + "% of related occupations");
                });
    }

    private void escoSkills(
            Map<URI, Proposed> proposed, List<Counterpart> matched, List<Occupation> related, double[] rho, int level) {
        record Listed(Requirement any, double share, boolean essential) {}
        Map<URI, Listed> fromMatched = new LinkedHashMap<>();
        double total = 0;
        for (Counterpart c : matched) {
            double p = c.relation().equals("exact") || c.relation().equals("close") ? 1 : 0.8;
            total += p;
            for (Requirement r : escoRequirements(c.uri())) {
                fromMatched.merge(
                        r.competencyUri(),
                        new Listed(r, p, r.essential()),
                        (a, b) -> new Listed(a.any(), a.share() + b.share(), a.essential() || b.essential()));
            }
        }
        if (fromMatched.isEmpty()) {
            return;
        }
        Map<URI, Double> relatedShare = new HashMap<>();
        double relatedTotal = 0;
        for (int i = 0; i < related.size(); i++) {
            List<Counterpart> theirs = counterparts(related.get(i).uri()).stream()
                    .filter(c -> c.relation().equals("exact") || c.relation().equals("close"))
                    .toList();
            if (theirs.isEmpty()) {
                continue;
            }
            relatedTotal += rho[i];
            double p = rho[i];
            theirs.stream()
                    .flatMap(c -> escoRequirements(c.uri()).stream())
                    .map(Requirement::competencyUri)
                    .distinct()
                    .forEach(uri -> relatedShare.merge(uri, p, Double::sum));
        }
        double matchedTotal = total;
        double relatedDenominator = relatedTotal;
        record Weighed(Listed listed, double weight, double mine, double theirs) {}
        fromMatched.values().stream()
                .map(l -> {
                    double mine = l.share() / matchedTotal;
                    double theirs = relatedDenominator == 0
                            ? 0
                            : relatedShare.getOrDefault(l.any().competencyUri(), 0.0) / relatedDenominator;
                    double weight = (l.essential() ? 1 : 0.5) * (0.35 + 0.35 * mine + 0.2 * theirs);
                    return new Weighed(l, weight, mine, theirs);
                })
                .sorted(Comparator.comparingDouble(Weighed::weight)
                        .reversed()
                        .thenComparing(w -> w.listed().any().label()))
                .limit(MAX_ESCO)
                .forEach(w -> {
                    Listed l = w.listed();
                    add(
                            proposed,
                            l.any(),
                            w.weight(),
                            l.essential() ? level : Math.max(1, level - 1),
                            "esco",
                            (l.essential() ? "ESCO essential" : "ESCO optional") + ", listed by "
                                    + Math.round(w.mine() * 100) + "% of matched and "
                                    + Math.round(w.theirs() * 100) + "% of related ESCO occupations");
                });
    }

    private List<Requirement> escoRequirements(URI escoOccupation) {
        return escoRequirements.computeIfAbsent(
                escoOccupation,
                uri -> occupations.byUri(uri).map(o -> requirements(o.id())).orElse(List.of()).stream()
                        .filter(r -> r.source() == RequirementSource.LISTED)
                        .toList());
    }

    /** ESCO occupations matched exactly or closely; broad or narrow ones only when there is none of those. */
    List<Counterpart> counterparts(URI onetOccupation) {
        List<Match> matches = new ArrayList<>(matches(onetOccupation));
        String uri = onetOccupation.toString();
        if (matches.isEmpty() && uri.endsWith(".00")) {
            // the crosswalk names some occupations by older detailed codes that O*NET 29.3 folded into the .00 one
            for (int n = 1; n <= 9; n++) {
                matches.addAll(matches(URI.create(uri.substring(0, uri.length() - 2) + "0" + n)));
            }
        }
        List<Counterpart> all = new ArrayList<>();
        for (Match m : matches) {
            if (m.uri().toString().startsWith(ESCO_OCCUPATION)
                    && List.of("exact", "close", "broad", "narrow").contains(m.relation())) {
                all.add(new Counterpart(m.uri(), m.label(), m.relation()));
            }
        }
        List<Counterpart> close = all.stream()
                .filter(c -> c.relation().equals("exact") || c.relation().equals("close"))
                .toList();
        return close.isEmpty() ? List.copyOf(all) : close;
    }

    /** The first ESCO counterpart, the one a job names beside its O*NET occupation. */
    Optional<Counterpart> counterpart(URI onetOccupation) {
        return counterparts(onetOccupation).stream().findFirst();
    }

    private static void add(
            Map<URI, Proposed> proposed, Requirement r, double weight, int level, String source, String basis) {
        add(proposed, r.competencyUri(), r.label(), r.kind(), r.hotTechnology(), weight, level, source, basis);
    }

    private static void add(
            Map<URI, Proposed> proposed,
            URI uri,
            String label,
            String kind,
            boolean hot,
            double weight,
            int level,
            String source,
            String basis) {
        double w = Math.clamp(Math.round(weight * 1000) / 1000.0, 0.05, 1);
        Proposed p = new Proposed(uri, label, kind, w, w >= REQUIRED, Math.clamp(level, 1, 5), source, hot, basis);
        proposed.merge(uri, p, (a, b) -> a.weight() >= b.weight() ? a : b);
    }

    private static String importance(double weight) {
        return String.valueOf(Math.round((1 + 4 * weight) * 10) / 10.0);
    }
}
