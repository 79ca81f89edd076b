package org.openler.platform.talent;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.JobId;
import org.openler.platform.matching.Evidence;
import org.openler.platform.matching.JobTargets;
import org.openler.platform.matching.LearnerRecord;
import org.openler.platform.matching.MatchEngine;
import org.openler.platform.matching.MatchTarget;
import org.openler.platform.matching.TargetSkill;
import org.openler.platform.organizations.Organization;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.profile.ProfileSkill;
import org.openler.platform.profile.Provenance;
import org.openler.platform.profile.SkillsProfile;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.Competency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An employer's anonymous search. Each opted-in learner's record is read from their skills profile now (a revoked
 * credential no longer counts), cut down to what they made searchable, and scored by the matching engine against the
 * query. Only learners who reach some requirement are candidates; fewer than {@link #MIN_CANDIDATES} answer nothing,
 * because a rare combination of skills would otherwise single a person out. Every candidate on the page answered is
 * written to the learner's access log.
 *
 * <p>The learner's evidence is matched on the skills themselves, without the ontology's neighbours for partial credit
 * (the matching feature keeps those to itself); the scoring formula is the matching engine's.
 */
@Service
public class TalentSearch {

    static final int MIN_CANDIDATES = 5;
    static final int MAX_QUERY_SKILLS = 50;
    static final int MAX_PAGE_SIZE = 50;
    static final int DEFAULT_PAGE_SIZE = 20;

    private final TalentDiscovery discovery;
    private final SkillsProfile profile;
    private final Competencies competencies;
    private final List<JobTargets> jobs;
    private final Pseudonyms pseudonyms;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SearchLimits limits;

    TalentSearch(
            TalentDiscovery discovery,
            SkillsProfile profile,
            Competencies competencies,
            List<JobTargets> jobs,
            Pseudonyms pseudonyms,
            JdbcClient jdbc,
            Clock clock,
            SearchLimits limits) {
        this.limits = limits;
        this.discovery = discovery;
        this.profile = profile;
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

    /** A candidate before paging: who, kept on the server only. */
    private record Scored(AccountId learner, String pseudonym, MatchEngine.Match match) {}

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
        List<Scored> scored = new ArrayList<>();
        for (AccountId learner : discovery.anonymous()) {
            if (!query.filters().isEmpty() && !query.filters().admits(discovery.read(learner))) {
                continue; // filtered before the threshold: a narrow filter answers "too few candidates"
            }
            LearnerRecord record = LearnerRecord.of(searchable(learner), List.of());
            MatchEngine.Match match = MatchEngine.match(target, record);
            if (match.exact() > 0) {
                scored.add(new Scored(learner, pseudonyms.of(employer.id(), learner), match));
            }
        }
        if (scored.size() < MIN_CANDIDATES) {
            return new Result("too-few-candidates", target.title(), query.page(), query.size(), 0, List.of());
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> s.match().exact())
                .reversed()
                .thenComparing(Scored::pseudonym));
        int from = Math.min(scored.size(), query.page() * query.size());
        List<Scored> page = scored.subList(from, Math.min(scored.size(), from + query.size()));
        List<Candidate> candidates = new ArrayList<>();
        Timestamp now = Timestamp.from(clock.instant());
        for (Scored s : page) {
            DiscoverySetting shown = discovery.read(s.learner());
            candidates.add(new Candidate(
                    s.pseudonym(),
                    s.match().score(),
                    requirements(s.match()),
                    shown.location(),
                    shown.availability().map(Availability::word)));
            jdbc.sql("insert into talent_appearance (organization_id, account_id, pseudonym, query_title, seen_at)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(employer.id().value(), s.learner().value(), s.pseudonym(), target.title(), now)
                    .update();
        }
        return new Result("ranked", target.title(), query.page(), query.size(), scored.size(), candidates);
    }

    /** The target of an internal search: the same checks and the same per-minute limit as an anonymous search. */
    MatchTarget internalTarget(Organization employer, Query query) {
        if (employer.kind() != Organization.Kind.EMPLOYER) {
            throw new PlatformException(Problem.UNPROCESSABLE, "Internal talent is for employer organizations.");
        }
        limits.take(employer.id());
        return target(query);
    }

    /** The learner's evidence, only from the credentials and own skills they made searchable. */
    List<Evidence> searchable(AccountId learner) {
        return searchable(learner, Set.of());
    }

    /** The same, plus credentials the learner shared with the employer searching (internal talent only). */
    List<Evidence> searchable(AccountId learner, Set<UUID> alsoShared) {
        DiscoverySetting setting = discovery.read(learner);
        Set<UUID> credentials = new HashSet<>(setting.credentials());
        credentials.addAll(alsoShared);
        Set<URI> skills = new HashSet<>(setting.skills());
        List<Evidence> evidence = new ArrayList<>();
        for (ProfileSkill skill : profile.skills(learner)) {
            if (skill.competency().isEmpty()) {
                continue; // free text never meets a requirement, and never leaves the profile
            }
            URI uri = skill.competency().get();
            List<Evidence.Source> sources = new ArrayList<>();
            for (Provenance p : skill.sources()) {
                switch (p) {
                    case Provenance.Verified v -> {
                        if (credentials.contains(v.credential())) {
                            sources.add(new Evidence.Source.Verified(v.credential(), "", "", uri));
                        }
                    }
                    case Provenance.Endorsed e -> {
                        if (credentials.contains(e.credential())) {
                            sources.add(new Evidence.Source.Endorsed(e.credential(), ""));
                        }
                    }
                    case Provenance.SelfAsserted s -> {
                        if (skills.contains(uri)) {
                            sources.add(new Evidence.Source.SelfAsserted(s.skill(), ""));
                        }
                    }
                }
            }
            if (!sources.isEmpty()) {
                evidence.add(new Evidence(uri, skill.label(), sources, 0));
            }
        }
        return evidence;
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
