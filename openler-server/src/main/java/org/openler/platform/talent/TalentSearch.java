package org.openler.platform.talent;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.kernel.JobId;
import org.openler.platform.matching.JobTargets;
import org.openler.platform.matching.MatchEngine;
import org.openler.platform.matching.MatchTarget;
import org.openler.platform.matching.TargetSkill;
import org.openler.platform.organizations.Organization;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.Competency;
import org.openler.platform.talent.index.TalentIndex;
import org.openler.platform.talent.index.TalentRanking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An employer's anonymous search, through the talent index ({@link TalentIndex}: a document per discoverable learner
 * with only what they made searchable, kept in step with PostgreSQL by the outbox). The index finds how many learners
 * hold an asked skill and the best of them; {@link TalentRanking} orders them by score and pseudonym and the matching
 * engine scores and explains each candidate on the page. The employer's filters (location, availability) are part of
 * the index query, so the count is of the filtered candidates. Only learners who reach some requirement are
 * candidates; fewer than {@link #MIN_CANDIDATES} answer nothing, because a rare combination of skills would otherwise
 * single a person out. Every candidate on the page answered is written to the learner's access log.
 *
 * <p>The learner's evidence is matched on the skills themselves and on the ontology's hierarchy around each skill
 * asked for ({@link TalentHierarchy}): a learner holding only a narrower (or broader) skill is found, ranked and
 * explained with the matching engine's partial credit for that relation. The scoring formula is the matching
 * engine's.
 */
@Service
public class TalentSearch {

    static final int MIN_CANDIDATES = 5;
    static final int MAX_QUERY_SKILLS = 50;
    static final int MAX_PAGE_SIZE = 50;
    static final int DEFAULT_PAGE_SIZE = 20;

    private final TalentIndex index;
    private final Competencies competencies;
    private final List<JobTargets> jobs;
    private final Pseudonyms pseudonyms;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SearchLimits limits;
    private final TalentHierarchy hierarchy;

    TalentSearch(
            TalentIndex index,
            Competencies competencies,
            List<JobTargets> jobs,
            Pseudonyms pseudonyms,
            JdbcClient jdbc,
            Clock clock,
            SearchLimits limits,
            TalentHierarchy hierarchy) {
        this.hierarchy = hierarchy;
        this.limits = limits;
        this.index = index;
        this.competencies = competencies;
        this.jobs = jobs;
        this.pseudonyms = pseudonyms;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One skill asked for, as the employer sent it. */
    public record Wanted(String uri, double weight) {}

    /** The query: a job (its id) or skills with weights; the page (from 0) and its size; the filters. */
    public record Query(List<Wanted> skills, Optional<UUID> job, int page, int size, TalentFilters filters) {

        public Query(List<Wanted> skills, Optional<UUID> job, int page, int size) {
            this(skills, job, page, size, TalentFilters.none());
        }
    }

    /** One requirement of the query as a candidate meets it: the kind of evidence, or none. */
    public record Requirement(String skill, String label, double weight, boolean met, Optional<String> evidence) {}

    /**
     * One anonymous candidate: the pseudonym, the match, and the coarse location (a region code) and availability if
     * the learner gave them (left out of the JSON when not given, so a candidate carries nothing else).
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Candidate(
            String pseudonym,
            int score,
            List<Requirement> requirements,
            Optional<String> location,
            Optional<String> availability) {

        public Candidate(String pseudonym, int score, List<Requirement> requirements) {
            this(pseudonym, score, requirements, Optional.empty(), Optional.empty());
        }
    }

    /** {@code ranked} with candidates, or {@code too-few-candidates} with none. */
    public record Result(String status, String title, int page, int size, int total, List<Candidate> candidates) {}

    @Transactional
    public Result search(Organization employer, Query query) {
        if (employer.kind() != Organization.Kind.EMPLOYER) {
            // the caller is allowed in (staff of this organization); the operation does not apply to a provider
            throw new PlatformException(Problem.UNPROCESSABLE, "Talent search is for employer organizations.");
        }
        limits.take(employer.id());
        if (query.size() < 1 || query.size() > MAX_PAGE_SIZE) {
            throw PlatformException.invalid("size", "A page holds 1 to " + MAX_PAGE_SIZE + " candidates.");
        }
        if (query.page() < 0 || query.page() > 1000) {
            throw PlatformException.invalid("page", "Pages are numbered from 0.");
        }
        MatchTarget target = target(query);
        // the filters go into the index query, so "fewer than five" counts the filtered candidates
        TalentRanking.Page ranked = TalentRanking.rank(
                index,
                target,
                query.filters().asIndexFilter(),
                hierarchy,
                query.page(),
                query.size(),
                MIN_CANDIDATES,
                pseudonyms.forEmployer(employer.id()));
        if (ranked.total() < MIN_CANDIDATES) {
            return new Result("too-few-candidates", target.title(), query.page(), query.size(), 0, List.of());
        }
        List<Candidate> candidates = new ArrayList<>();
        Timestamp now = Timestamp.from(clock.instant());
        for (TalentRanking.Ranked r : ranked.candidates()) {
            // location and availability as indexed: the learner's own words when the document was derived
            candidates.add(new Candidate(
                    r.pseudonym(),
                    r.match().score(),
                    requirements(r.match()),
                    r.document().region(),
                    r.document().availability()));
            jdbc.sql("insert into talent_appearance (organization_id, account_id, pseudonym, query_title, seen_at)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(employer.id().value(), r.learner().value(), r.pseudonym(), target.title(), now)
                    .update();
        }
        return new Result("ranked", target.title(), query.page(), query.size(), (int) ranked.total(), candidates);
    }

    /** The target of an internal search: the same checks and the same per-minute limit as an anonymous search. */
    MatchTarget internalTarget(Organization employer, Query query) {
        if (employer.kind() != Organization.Kind.EMPLOYER) {
            throw new PlatformException(Problem.UNPROCESSABLE, "Internal talent is for employer organizations.");
        }
        limits.take(employer.id());
        return target(query);
    }

    private MatchTarget target(Query query) {
        if (query.job().isPresent()) {
            if (!query.skills().isEmpty()) {
                throw PlatformException.invalid("job", "Search from a job or from skills, not both.");
            }
            UUID id = query.job().get();
            for (JobTargets source : jobs) {
                Optional<MatchTarget> found = source.forJob(new JobId(id));
                if (found.isPresent()) {
                    String title = source.job(new JobId(id))
                            .map(j -> j.title())
                            .orElse(found.get().title());
                    return new MatchTarget(title, found.get().requirements());
                }
            }
            throw PlatformException.invalid("job", "No such job.");
        }
        if (query.skills().isEmpty()) {
            throw PlatformException.invalid("skills", "Ask for at least one skill, or name a job.");
        }
        if (query.skills().size() > MAX_QUERY_SKILLS) {
            throw PlatformException.invalid("skills", "Ask for at most " + MAX_QUERY_SKILLS + " skills.");
        }
        List<TargetSkill> wanted = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Wanted w : query.skills()) {
            if (!Double.isFinite(w.weight()) || w.weight() <= 0 || w.weight() > 1) {
                throw PlatformException.invalid("skills.weight", "A weight is more than 0 and at most 1.");
            }
            Competency competency = uri(w.uri())
                    .flatMap(competencies::byUri)
                    .orElseThrow(() -> PlatformException.invalid(
                            "skills.uri", "Name skills by the URI of a skill in the platform's frameworks."));
            wanted.add(new TargetSkill(competency.uri(), competency.label(), w.weight(), true, 0));
            labels.add(competency.label());
        }
        String title =
                String.join(", ", labels.subList(0, Math.min(3, labels.size()))) + (labels.size() > 3 ? " …" : "");
        return new MatchTarget(title.length() > 280 ? title.substring(0, 280) + " …" : title, wanted);
    }

    private static Optional<URI> uri(String text) {
        if (text.isBlank() || text.length() > 1000) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    static List<Requirement> requirements(MatchEngine.Match match) {
        return match.requirements().stream()
                .map(r -> new Requirement(
                        r.skill().skillUri().toString(),
                        r.skill().label(),
                        r.skill().weight(),
                        r.met(),
                        r.basis().map(b -> b.evidence().best().kind())))
                .toList();
    }
}
