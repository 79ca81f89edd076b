package org.openler.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.matching.MatchTarget;
import org.openler.platform.matching.TargetSkill;
import org.openler.platform.talent.index.EvidenceKind;
import org.openler.platform.talent.index.TalentDocument;
import org.openler.skills.sources.Bundle;

/**
 * Synthetic opted-in learners for the talent search benchmark, drawn from real skill distributions: a learner works
 * in an O*NET occupation (drawn uniformly from the O*NET-SOC 2019 occupations of the ESCO–O*NET crosswalk) and holds
 * the skills of one of its ESCO counterparts (ESCO v1.1.1's occupation–skill relations: each essential skill with
 * probability 0.7, each optional one with 0.25, at most 40), plus up to three skills of another occupation (people
 * change jobs). Evidence as in the demo and the pilots: 30 % verified, 10 % endorsed, 60 % self-asserted; one in ten
 * learners is internal-only. A job query is an occupation's target as the matching feature builds one: its essential
 * skills (weight 1) and optional ones (weight 0.5), up to 25. Learner {@code n} is always the same profile
 * ({@link #profile(long)} is deterministic), so a benchmark can regenerate any of a million without keeping them.
 * The approach follows the demo's candidates ({@code DemoCandidates}: most of one job's skills and a few of another's).
 */
public final class SyntheticTalent {

    private static final String RELATIONS = "esco/ESCO dataset - v1.1.1 - classification -  - csv.zip";
    private static final String CROSSWALK = "crosswalks/esco-onet/crosswalk_esco_onet.csv.gz";

    /** An ESCO occupation with its essential and optional skills. */
    record Occupation(String uri, List<URI> essential, List<URI> optional) {}

    /** Per O*NET occupation, its ESCO counterparts that have skills. */
    private final List<List<Occupation>> onet;

    private final List<Occupation> all;

    private SyntheticTalent(List<List<Occupation>> onet, List<Occupation> all) {
        this.onet = onet;
        this.all = all;
    }

    /** Reads ESCO's occupation–skill relations and the crosswalk from openler-data (a second or two). */
    public static SyntheticTalent load() {
        Bundle bundle = new Bundle();
        Map<String, List<URI>> essential = new HashMap<>();
        Map<String, List<URI>> optional = new HashMap<>();
        bundle.zipRecords(RELATIONS, "occupationSkillRelations.csv", r -> {
            if (r.size() < 4 || !r.get(3).startsWith("http")) {
                return; // the header
            }
            (r.get(1).equals("essential") ? essential : optional)
                    .computeIfAbsent(r.get(0), k -> new ArrayList<>())
                    .add(URI.create(r.get(3)));
        });
        Map<String, Occupation> occupations = new HashMap<>();
        for (String uri : essential.keySet()) {
            if (essential.get(uri).size() >= 5) {
                occupations.put(uri, new Occupation(uri, essential.get(uri), optional.getOrDefault(uri, List.of())));
            }
        }
        Map<String, List<Occupation>> byOnet = new LinkedHashMap<>();
        boolean[] header = {false};
        bundle.records(CROSSWALK, ',', r -> {
            if (!header[0]) {
                header[0] = !r.isEmpty() && r.getFirst().strip().equals("O*NET Id");
                return;
            }
            if (r.size() >= 7 && !r.get(0).isBlank()) {
                Occupation o = occupations.get(r.get(3).strip());
                if (o != null) {
                    byOnet.computeIfAbsent(r.get(0).strip(), k -> new ArrayList<>())
                            .add(o);
                }
            }
        });
        if (byOnet.isEmpty()) {
            throw new IllegalStateException("No O*NET occupation maps to an ESCO occupation with skills");
        }
        return new SyntheticTalent(new ArrayList<>(byOnet.values()), new ArrayList<>(occupations.values()));
    }

    public static AccountId learner(long n) {
        return new AccountId(new UUID(0x7a1e47L, n));
    }

    /** How many O*NET occupations, and ESCO occupations with skills, the draws come from. */
    public String describe() {
        return onet.size() + " O*NET occupations over " + all.size() + " ESCO occupations with skills";
    }

    /** Learner {@code n}'s profile: the same every time. */
    public TalentDocument profile(long n) {
        Random random = new Random(0x5eedL * 31 + n);
        List<Occupation> counterparts = onet.get(random.nextInt(onet.size()));
        Occupation own = counterparts.get(random.nextInt(counterparts.size()));
        Map<URI, EvidenceKind> skills = new HashMap<>();
        for (URI skill : own.essential()) {
            if (random.nextDouble() < 0.7 && skills.size() < 40) {
                skills.put(skill, kind(random));
            }
        }
        for (URI skill : own.optional()) {
            if (random.nextDouble() < 0.25 && skills.size() < 40) {
                skills.put(skill, kind(random));
            }
        }
        Occupation other = all.get(random.nextInt(all.size()));
        for (int k = random.nextInt(4); k > 0; k--) {
            skills.putIfAbsent(
                    other.essential().get(random.nextInt(other.essential().size())), kind(random));
        }
        TalentDocument.Visibility visibility =
                random.nextInt(10) == 0 ? TalentDocument.Visibility.INTERNAL : TalentDocument.Visibility.ANONYMOUS;
        return new TalentDocument(learner(n), visibility, skills);
    }

    /** A job: an occupation's target (essential skills weight 1, optional 0.5, at most 25 requirements). */
    public MatchTarget job(Random random) {
        List<Occupation> counterparts = onet.get(random.nextInt(onet.size()));
        Occupation o = counterparts.get(random.nextInt(counterparts.size()));
        List<TargetSkill> needs = new ArrayList<>();
        for (URI skill : o.essential()) {
            if (needs.size() < 15) {
                needs.add(new TargetSkill(skill, skill.toString(), 1.0, true, 0));
            }
        }
        for (URI skill : o.optional()) {
            if (needs.size() < 25) {
                needs.add(new TargetSkill(skill, skill.toString(), 0.5, false, 0));
            }
        }
        return new MatchTarget(o.uri(), needs);
    }

    private static EvidenceKind kind(Random random) {
        int r = random.nextInt(10);
        return r < 3 ? EvidenceKind.VERIFIED : r < 4 ? EvidenceKind.ENDORSED : EvidenceKind.SELF_ASSERTED;
    }

    /** Prints what the generator draws from and a few profiles' sizes. */
    public static void main(String[] args) {
        long started = System.nanoTime();
        SyntheticTalent talent = load();
        System.out.printf("Loaded in %d ms: %s%n", (System.nanoTime() - started) / 1_000_000, talent.describe());
        long skills = 0;
        for (int i = 0; i < 10_000; i++) {
            skills += talent.profile(i).skills().size();
        }
        System.out.printf("Mean skills per profile over 10,000: %.1f%n", skills / 10_000.0);
    }
}
