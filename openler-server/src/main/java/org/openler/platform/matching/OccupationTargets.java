package org.openler.platform.matching;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.CompetencyId;
import org.openler.platform.skills.FrameworkImported;
import org.openler.platform.skills.Match;
import org.openler.platform.skills.Occupation;
import org.openler.platform.skills.OccupationId;
import org.openler.platform.skills.Occupations;
import org.openler.platform.skills.Requirement;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An occupation as a target. Its own requirements (O*NET importance and level, ESCO essential and optional, technology
 * skills, or what the crosswalk lent an unrated occupation), the {@value #OWN} heaviest; then the skills of its
 * counterparts in the other framework through the ESCO–O*NET crosswalk, the {@value #BORROWED} most shared, at
 * {@value #BORROWED_FACTOR} of their weight. So an O*NET occupation also asks for the ESCO skills that credentials
 * align to, and an ESCO one for O*NET's rated skills. Formula in docs/matching.md.
 */
@Component
class OccupationTargets {

    static final int OWN = 15;
    static final int BORROWED = 10;
    static final double BORROWED_FACTOR = 0.8;
    static final int COUNTERPARTS = 3;

    private static final Pattern SOC = Pattern.compile("^\\d{2}-\\d{4}(\\.\\d{2})?$");
    private static final Pattern ESCO = Pattern.compile(
            "^http://data\\.europa\\.eu/esco/occupation/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    static final String ONET_BASE = "https://www.onetonline.org/link/summary/";

    private final Occupations occupations;
    private final Competencies competencies;
    private final Map<UUID, MatchTarget> cache = new ConcurrentHashMap<>();
    // what the ontology says, read once per framework import: the learner's jobs page asked for it on every visit
    private final Map<UUID, List<TargetSkill>> owned = new ConcurrentHashMap<>();
    private final Map<URI, List<Occupation>> requiring = new ConcurrentHashMap<>();
    // one copy of each occupation however many skills list it (ESCO's generic skills list hundreds each)
    private final Map<UUID, Occupation> interned = new ConcurrentHashMap<>();

    OccupationTargets(Occupations occupations, Competencies competencies) {
        this.occupations = occupations;
        this.competencies = competencies;
    }

    /** The occupation an O*NET-SOC code (29-1141.00, or 29-1141 for .00) or an ESCO occupation URI names. */
    Occupation resolve(String code) {
        return find(code).orElseThrow(() -> PlatformException.notFound("The occupation " + code.strip()));
    }

    /** Empty when well-formed but unknown; 400 when it is no occupation code at all. */
    Optional<Occupation> find(String code) {
        String c = code.strip();
        URI uri;
        if (SOC.matcher(c).matches()) {
            uri = URI.create(ONET_BASE + (c.length() == 7 ? c + ".00" : c));
        } else if (ESCO.matcher(c).matches()) {
            uri = URI.create(c);
        } else {
            throw PlatformException.invalid(
                    "occupation",
                    "Give an O*NET-SOC code (such as 29-1141.00) or an ESCO occupation URI"
                            + " (http://data.europa.eu/esco/occupation/…).");
        }
        return occupations.byUri(uri);
    }

    /** Targets depend only on the ontology: kept per occupation until a framework is imported. */
    MatchTarget target(Occupation occupation) {
        return cache.computeIfAbsent(occupation.id(), id -> build(occupation));
    }

    @EventListener
    void on(FrameworkImported imported) {
        cache.clear();
        owned.clear();
        requiring.clear();
        interned.clear();
    }

    /**
     * The occupations that require the skill most, heaviest requirement first (then title), at most {@code limit}
     * of the first {@link Matching#REQUIRING} read; none when the ontology does not know the skill.
     */
    List<Occupation> requiring(URI skill) {
        return requiring.computeIfAbsent(
                skill,
                uri -> competencies
                        .byUri(uri)
                        .map(c -> occupations.requiring(new CompetencyId(c.id()), Matching.REQUIRING).stream()
                                .map(o -> interned.computeIfAbsent(o.id(), id -> o))
                                .toList())
                        .orElse(List.of()));
    }

    private MatchTarget build(Occupation occupation) {
        Map<String, TargetSkill> skills = new LinkedHashMap<>();
        own(occupation).stream().limit(OWN).forEach(s -> skills.put(s.skillUri().toString(), s));
        List<TargetSkill> borrowed = borrowed(occupation);
        int added = 0;
        for (TargetSkill s : borrowed) {
            if (added >= BORROWED) {
                break;
            }
            if (skills.putIfAbsent(s.skillUri().toString(), s) == null) {
                added++;
            }
        }
        return new MatchTarget(occupation.title(), new ArrayList<>(skills.values()));
    }

    /** The occupation's own requirements, one per skill, heaviest (then essential) first. Not to be changed. */
    List<TargetSkill> own(Occupation occupation) {
        return owned.computeIfAbsent(occupation.id(), id -> readOwn(occupation));
    }

    private List<TargetSkill> readOwn(Occupation occupation) {
        Map<String, TargetSkill> once = new LinkedHashMap<>();
        for (Requirement r : occupations.requirements(new OccupationId(occupation.id()))) {
            if (r.weight() <= 0) {
                continue;
            }
            once.merge(
                    r.competencyUri().toString(),
                    new TargetSkill(r.competencyUri(), r.label(), r.weight(), r.essential(), r.proficiency()),
                    (a, b) -> a.weight() >= b.weight() ? a : b);
        }
        List<TargetSkill> list = new ArrayList<>(once.values());
        list.sort(Comparator.comparingDouble(TargetSkill::weight)
                .reversed()
                .thenComparing(TargetSkill::required, Comparator.reverseOrder())
                .thenComparing(TargetSkill::label));
        return List.copyOf(list);
    }

    /**
     * Skills of the occupation's counterparts in another framework (exact, then close, broad, narrow matches), each
     * weighted by its own weight × the share of counterparts that ask for it × {@value #BORROWED_FACTOR}.
     */
    private List<TargetSkill> borrowed(Occupation occupation) {
        List<Occupation> counterparts = new ArrayList<>();
        for (String relation : List.of("exact", "close", "broad", "narrow")) {
            for (Match m : competencies.matches(occupation.uri())) {
                if (counterparts.size() < COUNTERPARTS && m.relation().equals(relation)) {
                    occupations
                            .byUri(m.uri())
                            .filter(o -> !o.framework()
                                    .slug()
                                    .equals(occupation.framework().slug()))
                            .filter(o -> counterparts.stream().noneMatch(c -> c.id().equals(o.id())))
                            .ifPresent(counterparts::add);
                }
            }
        }
        if (counterparts.isEmpty()) {
            return List.of();
        }
        Map<String, TargetSkill> sum = new LinkedHashMap<>();
        for (Occupation counterpart : counterparts) {
            for (TargetSkill s : own(counterpart)) {
                TargetSkill share = new TargetSkill(
                        s.skillUri(),
                        s.label(),
                        s.weight() * BORROWED_FACTOR / counterparts.size(),
                        s.required(),
                        s.level());
                sum.merge(
                        s.skillUri().toString(),
                        share,
                        (a, b) -> new TargetSkill(
                                a.skillUri(),
                                a.label(),
                                Math.min(1, a.weight() + b.weight()),
                                a.required() || b.required(),
                                Math.max(a.level(), b.level())));
            }
        }
        List<TargetSkill> list = new ArrayList<>(sum.values());
        list.sort(Comparator.comparingDouble(TargetSkill::weight).reversed().thenComparing(TargetSkill::label));
        return list;
    }
}
