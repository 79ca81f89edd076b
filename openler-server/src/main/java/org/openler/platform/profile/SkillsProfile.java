package org.openler.platform.profile;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.Competency;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.HolderKeys;
import org.openler.platform.wallet.StatusCheck;
import org.openler.platform.wallet.Wallet;
import org.openler.standards.did.Did;
import org.springframework.stereotype.Service;

/**
 * Builds a learner's skills profile now. Credentials are re-verified as the wallet shows them (status included), so
 * only credentials that verify now give skills: a revoked, suspended or expired one drops its skills on the next
 * look. Hidden credentials give none (the learner hid them). An alignment counts when it declares a competency
 * ({@code ceasn:Competency}) or points at a competency the ontology knows; an endorsement counts when a third party (not the learner's
 * own key) endorses such a competency or an achievement the learner holds. The learner's own statements are added as self-asserted.
 */
@Service
public class SkillsProfile {

    private final StatusCheck statusCheck;
    private final Wallet wallet;
    private final Competencies competencies;
    private final ProfileStore store;
    private final HolderKeys holderKeys;

    SkillsProfile(
            StatusCheck statusCheck,
            Wallet wallet,
            Competencies competencies,
            ProfileStore store,
            HolderKeys holderKeys) {
        this.holderKeys = holderKeys;
        this.statusCheck = statusCheck;
        this.wallet = wallet;
        this.competencies = competencies;
        this.store = store;
    }

    /** A verified credential with what it says about skills. */
    record Backing(StatusCheck.Checked checked, String document, CredentialClaims claims) {}

    /**
     * The profile: the credentials shown (visible ones, in the learner's order, each with its state now) and the
     * skills with their sources.
     */
    public record Profile(List<StatusCheck.Checked> credentials, List<ProfileSkill> skills) {}

    public Profile read(AccountId owner) {
        List<StatusCheck.Checked> shown = statusCheck.list(owner, false);
        List<Backing> verified = new ArrayList<>();
        for (StatusCheck.Checked checked : shown) {
            if (checked.state() == StatusCheck.State.VERIFIED) {
                String document = wallet.document(
                        owner, new HeldCredentialId(checked.credential().id()));
                verified.add(new Backing(
                        checked,
                        document,
                        CredentialClaims.read(checked.credential().format(), document)));
            }
        }
        Optional<String> self = holderKeys.existingDid(owner).map(Did::value);
        return new Profile(shown, skills(verified, store.skills(owner), self));
    }

    public List<ProfileSkill> skills(AccountId owner) {
        return read(owner).skills();
    }

    /** Every URI the credentials align to or endorse: looked up in the ontology at once, not one query each. */
    private static List<URI> mentioned(List<Backing> verified) {
        List<URI> uris = new ArrayList<>();
        for (Backing backing : verified) {
            for (CredentialClaims.Alignment alignment : backing.claims().alignments()) {
                uris.add(alignment.targetUrl());
            }
            CredentialClaims.Endorsement endorsement = backing.claims().endorsement();
            if (endorsement != null) {
                uris.add(endorsement.subject());
            }
        }
        return uris;
    }

    private List<ProfileSkill> skills(
            List<Backing> verified, List<SelfAssertedSkill> statements, Optional<String> self) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, List<Provenance>> sources = new LinkedHashMap<>();
        Map<URI, List<String>> skillsOfAchievement = new LinkedHashMap<>();
        Map<URI, Competency> ontology = competencies.byUris(mentioned(verified));
        for (Backing backing : verified) {
            for (CredentialClaims.Alignment alignment : backing.claims().alignments()) {
                Optional<Competency> known = Optional.ofNullable(ontology.get(alignment.targetUrl()));
                if (known.isEmpty() && !alignment.declaresCompetency()) {
                    continue; // an alignment to something that is not a skill (a course, a registry entry)
                }
                String key = alignment.targetUrl().toString();
                labels.putIfAbsent(key, known.map(Competency::label).orElse(alignment.targetName()));
                Provenance.Verified source = new Provenance.Verified(
                        backing.checked().credential().id(),
                        backing.checked().credential().name(),
                        backing.checked().credential().issuerName(),
                        alignment.level());
                List<Provenance> list = sources.computeIfAbsent(key, k -> new ArrayList<>());
                if (!list.contains(source)) {
                    list.add(source);
                }
                if (alignment.achievement() != null) {
                    skillsOfAchievement
                            .computeIfAbsent(alignment.achievement(), a -> new ArrayList<>())
                            .add(key);
                }
            }
        }
        for (Backing backing : verified) {
            CredentialClaims.Endorsement endorsement = backing.claims().endorsement();
            if (endorsement == null
                    || self.filter(backing.checked().credential().issuerId()::equals)
                            .isPresent()) {
                continue; // not an endorsement, or one the learner signed with their own key: no third party's word
            }
            Provenance.Endorsed source = new Provenance.Endorsed(
                    backing.checked().credential().id(),
                    backing.checked().credential().issuerName(),
                    endorsement.comment());
            List<String> endorsed = new ArrayList<>(skillsOfAchievement.getOrDefault(endorsement.subject(), List.of()));
            if (endorsed.isEmpty()) {
                String key = endorsement.subject().toString();
                if (labels.containsKey(key)) {
                    endorsed.add(key);
                } else {
                    Optional.ofNullable(ontology.get(endorsement.subject())).ifPresent(c -> {
                        labels.put(key, c.label());
                        endorsed.add(key);
                    });
                }
            }
            for (String key : endorsed.stream().distinct().toList()) {
                sources.computeIfAbsent(key, k -> new ArrayList<>()).add(source);
            }
        }
        for (SelfAssertedSkill statement : statements) {
            String key = statement.competency().map(URI::toString).orElse("self:" + statement.id());
            labels.putIfAbsent(key, statement.label());
            sources.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Provenance.SelfAsserted(
                            statement.id(),
                            statement.ownWords(),
                            statement.evidenceUrl(),
                            statement.evidenceText(),
                            statement.evidenceCredential(),
                            statement.level()));
        }
        List<ProfileSkill> skills = new ArrayList<>();
        sources.forEach((key, list) ->
                skills.add(new ProfileSkill(key.startsWith("self:") ? null : URI.create(key), labels.get(key), list)));
        return List.copyOf(skills);
    }
}
