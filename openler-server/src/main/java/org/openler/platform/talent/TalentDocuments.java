package org.openler.platform.talent;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.matching.Evidence;
import org.openler.platform.profile.ProfileSkill;
import org.openler.platform.profile.Provenance;
import org.openler.platform.profile.SkillsProfile;
import org.openler.platform.talent.index.EvidenceKind;
import org.openler.platform.talent.index.TalentDocument;
import org.springframework.stereotype.Service;

/**
 * A learner's searchable evidence, derived now from the system of record: their skills profile (credentials verified
 * at this moment, so a revoked one no longer counts), cut down to the credentials and own skills they made
 * searchable, with the coarse location and availability they chose. The talent index holds it as a document; the
 * internal search reads it directly, adding the credentials the learner shared with that employer.
 */
@Service
public class TalentDocuments {

    private final TalentDiscovery discovery;
    private final SkillsProfile profile;

    TalentDocuments(TalentDiscovery discovery, SkillsProfile profile) {
        this.discovery = discovery;
        this.profile = profile;
    }

    /** The learner's document for the index, or empty when discovery is off (or the account is gone). */
    public Optional<TalentDocument> of(AccountId learner) {
        DiscoverySetting setting = discovery.read(learner);
        if (setting.mode() == DiscoveryMode.OFF) {
            return Optional.empty();
        }
        TalentDocument.Visibility visibility = setting.mode() == DiscoveryMode.ANONYMOUS
                ? TalentDocument.Visibility.ANONYMOUS
                : TalentDocument.Visibility.INTERNAL;
        Map<URI, EvidenceKind> skills = new HashMap<>();
        for (Evidence e : searchable(learner, setting, Set.of())) {
            skills.merge(e.skill(), kind(e.best()), EvidenceKind::stronger);
        }
        // the coarse location and availability travel with the document: the card shows them and filters select on them
        return Optional.of(new TalentDocument(
                learner,
                visibility,
                skills,
                setting.location(),
                setting.availability().map(Availability::word)));
    }

    /** Every discoverable learner's document, derived one at a time (the rebuild of the index). */
    public Iterator<TalentDocument> all() {
        Iterator<AccountId> learners = discovery.findable().iterator();
        return new Iterator<>() {
            private @Nullable TalentDocument next;

            @Override
            public boolean hasNext() {
                while (next == null && learners.hasNext()) {
                    next = of(learners.next()).orElse(null);
                }
                return next != null;
            }

            @Override
            public TalentDocument next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                TalentDocument answer = next;
                next = null;
                return answer;
            }
        };
    }

    /** The learner's evidence, only from the credentials and own skills they made searchable. */
    List<Evidence> searchable(AccountId learner) {
        return searchable(learner, discovery.read(learner), Set.of());
    }

    /** The same, plus credentials the learner shared with the employer searching (internal talent only). */
    List<Evidence> searchable(AccountId learner, Set<UUID> alsoShared) {
        return searchable(learner, discovery.read(learner), alsoShared);
    }

    private List<Evidence> searchable(AccountId learner, DiscoverySetting setting, Set<UUID> alsoShared) {
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

    private static EvidenceKind kind(Evidence.Source source) {
        return switch (source) {
            case Evidence.Source.Verified v -> EvidenceKind.VERIFIED;
            case Evidence.Source.Endorsed e -> EvidenceKind.ENDORSED;
            case Evidence.Source.SelfAsserted s -> EvidenceKind.SELF_ASSERTED;
        };
    }
}
