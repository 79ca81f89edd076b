package org.openler.platform.talent.index;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.matching.Evidence;
import org.openler.platform.matching.LearnerRecord;
import org.openler.platform.matching.MatchEngine;
import org.openler.platform.matching.MatchTarget;
import org.openler.platform.matching.Neighbour;
import org.openler.platform.matching.Relation;
import org.openler.platform.matching.TargetSkill;

/**
 * An anonymous search ranked through an index: the index's first pass finds how many learners hold an asked skill
 * and the best of them (with everyone tied at the cut); they are ordered by score and then by the employer's
 * pseudonym, exactly as a search over every profile did; and each candidate on the page is scored and explained by
 * the matching engine from their indexed document, so the score and the requirements met are the engine's. Spring-free:
 * the search and the benchmark run this same code.
 */
public final class TalentRanking {

    /** Stands in for a credential or statement id: the engine needs one, and the index never holds the real one. */
    private static final UUID NONE = new UUID(0, 0);

    private TalentRanking() {}

    /** A candidate on the page: who (kept on the server), their pseudonym, and the engine's match. */
    public record Ranked(AccountId learner, String pseudonym, MatchEngine.Match match, TalentDocument document) {}

    /** How many learners hold an asked skill, and the page's candidates (none when {@code total} is too few). */
    public record Page(long total, List<Ranked> candidates) {}

    /** The target's requirements that carry weight, as an index query; empty when none does. */
    public static Optional<SkillQuery> query(MatchTarget target) {
        return query(target, SkillQuery.Filter.NONE);
    }

    /** The same, narrowed by the filter. */
    public static Optional<SkillQuery> query(MatchTarget target, SkillQuery.Filter filter) {
        return query(target, filter, SkillHierarchy.NONE);
    }

    /** The same, each requirement with its narrower and broader skills for partial credit. */
    public static Optional<SkillQuery> query(MatchTarget target, SkillQuery.Filter filter, SkillHierarchy hierarchy) {
        List<SkillQuery.Weighted> asked = new ArrayList<>();
        for (TargetSkill skill : target.requirements()) {
            if (skill.weight() > 0) {
                URI uri = skill.skillUri();
                asked.add(
                        new SkillQuery.Weighted(uri, skill.weight(), hierarchy.narrower(uri), hierarchy.broader(uri)));
            }
        }
        return asked.isEmpty() ? Optional.empty() : Optional.of(new SkillQuery(asked, filter));
    }

    /**
     * The page (from 0) of candidates for the target, or none when fewer than {@code minimum} learners hold an asked
     * skill. {@code pseudonym} names a learner for this employer; equal scores are ordered by it.
     */
    public static Page rank(
            TalentIndex index,
            MatchTarget target,
            int page,
            int size,
            int minimum,
            Function<AccountId, String> pseudonym) {
        return rank(index, target, SkillQuery.Filter.NONE, page, size, minimum, pseudonym);
    }

    /** The same, counting and ranking only the documents the filter admits. */
    public static Page rank(
            TalentIndex index,
            MatchTarget target,
            SkillQuery.Filter filter,
            int page,
            int size,
            int minimum,
            Function<AccountId, String> pseudonym) {
        return rank(index, target, filter, SkillHierarchy.NONE, page, size, minimum, pseudonym);
    }

    /**
     * The same, a learner holding a skill narrower or broader than one asked for found and scored with the matching
     * engine's partial credit, in the first pass (the index query) and in the explained match alike.
     */
    public static Page rank(
            TalentIndex index,
            MatchTarget target,
            SkillQuery.Filter filter,
            SkillHierarchy hierarchy,
            int page,
            int size,
            int minimum,
            Function<AccountId, String> pseudonym) {
        Optional<SkillQuery> query = query(target, filter, hierarchy);
        if (query.isEmpty()) {
            return new Page(0, List.of());
        }
        TalentHits hits = index.top(query.get(), (page + 1) * size);
        if (hits.total() < minimum) {
            return new Page(hits.total(), List.of());
        }
        record Key(AccountId learner, long bucket, String pseudonym) {}
        List<Key> keys = new ArrayList<>(hits.hits().size());
        for (TalentHits.Hit hit : hits.hits()) {
            keys.add(new Key(hit.learner(), Math.round(hit.score() / TalentIndex.TIE), pseudonym.apply(hit.learner())));
        }
        keys.sort(Comparator.comparingLong(Key::bucket).reversed().thenComparing(Key::pseudonym));
        int from = Math.min(keys.size(), page * size);
        List<Ranked> candidates = new ArrayList<>();
        for (Key key : keys.subList(from, Math.min(keys.size(), from + size))) {
            Optional<TalentDocument> document = index.get(key.learner());
            if (document.isEmpty() || !query.get().filter().admits(document.get())) {
                continue; // removed or changed since the first pass: never shown
            }
            MatchEngine.Match match = MatchEngine.match(target, record(document.get(), query.get()));
            if (match.exact() > 0) {
                candidates.add(new Ranked(key.learner(), key.pseudonym(), match, document.get()));
            }
        }
        return new Page(hits.total(), candidates);
    }

    /** The matching engine's record of an indexed document: each skill with its kind of evidence, nothing more. */
    public static LearnerRecord record(TalentDocument document) {
        return LearnerRecord.of(evidence(document), List.of());
    }

    /**
     * The same, with the hierarchy edges the query asked about: a skill held that is narrower or broader than one
     * asked for reaches it with that relation's credit, so the explained match scores what the first pass ranked.
     */
    public static LearnerRecord record(TalentDocument document, SkillQuery query) {
        List<Neighbour> edges = new ArrayList<>();
        for (SkillQuery.Weighted w : query.skills()) {
            for (URI held : document.skills().keySet()) {
                if (w.narrower().contains(held)) {
                    edges.add(new Neighbour(held, w.skill(), Relation.NARROWER));
                }
                if (w.broader().contains(held)) {
                    edges.add(new Neighbour(held, w.skill(), Relation.BROADER));
                }
            }
        }
        return LearnerRecord.of(evidence(document), edges);
    }

    private static List<Evidence> evidence(TalentDocument document) {
        List<Evidence> evidence = new ArrayList<>(document.skills().size());
        for (Map.Entry<URI, EvidenceKind> skill : document.skills().entrySet()) {
            URI uri = skill.getKey();
            Evidence.Source source = switch (skill.getValue()) {
                case VERIFIED -> new Evidence.Source.Verified(NONE, "", "", uri);
                case ENDORSED -> new Evidence.Source.Endorsed(NONE, "");
                case SELF_ASSERTED -> new Evidence.Source.SelfAsserted(NONE, "");
            };
            evidence.add(new Evidence(uri, "", List.of(source), 0));
        }
        return evidence;
    }
}
