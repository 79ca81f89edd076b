package org.openler.platform.matching;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.registry.CredentialOfValue;
import org.openler.platform.registry.Ctid;
import org.openler.platform.registry.PublishedCredential;
import org.openler.platform.registry.RegistryEntries;
import org.openler.platform.registry.RegistryQuery;
import org.openler.platform.registry.RegistryResults;
import org.openler.platform.registry.RegistrySearch;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The registry's credentials of value that teach any of the given skills, as training options, each priced for the
 * learner by the {@link HeldCredit} beans (none until articulation exists). Found through the registry's own search
 * (its competency facet), read as published.
 */
@Component
class TrainingOptions {

    /** Skills asked about in one search (the registry's facet limit), and results read per skill set. */
    static final int SKILLS_PER_QUERY = 50;

    static final int PAGES = 3;

    private final RegistrySearch search;
    private final RegistryEntries entries;
    private final ObjectProvider<HeldCredit> heldCredit;

    TrainingOptions(RegistrySearch search, RegistryEntries entries, ObjectProvider<HeldCredit> heldCredit) {
        this.search = search;
        this.entries = entries;
        this.heldCredit = heldCredit;
    }

    List<TrainingOption> teaching(AccountId learner, Collection<URI> skills) {
        return teaching(Optional.of(learner), skills);
    }

    /**
     * With no learner: every option priced as the registry lists it. A share's reader sees the plan this way, since
     * credit the learner holds comes from records the share does not include.
     */
    List<TrainingOption> teachingAsListed(Collection<URI> skills) {
        return teaching(Optional.empty(), skills);
    }

    private List<TrainingOption> teaching(Optional<AccountId> learner, Collection<URI> skills) {
        List<String> wanted = skills.stream().map(URI::toString).distinct().toList();
        Map<String, String> providers = new LinkedHashMap<>();
        for (int from = 0; from < wanted.size(); from += SKILLS_PER_QUERY) {
            List<String> part = wanted.subList(from, Math.min(wanted.size(), from + SKILLS_PER_QUERY));
            for (int page = 0; page < PAGES; page++) {
                RegistryResults results = search.search(RegistryQuery.builder()
                        .competencies(part)
                        .page(page * RegistryQuery.MAX_LIMIT, RegistryQuery.MAX_LIMIT)
                        .build());
                results.hits().forEach(h -> providers.putIfAbsent(h.ctid(), h.providerName()));
                if (results.hits().size() < RegistryQuery.MAX_LIMIT) {
                    break;
                }
            }
        }
        List<TrainingOption> options = new ArrayList<>();
        providers.forEach((ctid, provider) -> Ctid.parse(ctid)
                .flatMap(entries::findPublished)
                .map(p -> option(p, provider))
                .ifPresent(option ->
                        options.add(learner.map(l -> priced(l, option)).orElse(option))));
        return options;
    }

    private TrainingOption priced(AccountId learner, TrainingOption option) {
        TrainingOption priced = option;
        for (HeldCredit credit : heldCredit.orderedStream().toList()) {
            priced = credit.forLearner(learner, priced);
        }
        return priced;
    }

    static TrainingOption option(PublishedCredential published, String provider) {
        CredentialOfValue c = published.credential();
        Set<URI> teaches = new LinkedHashSet<>();
        c.teaches().forEach(a -> teaches.add(a.uri()));
        return new TrainingOption(
                published.ctid().value(),
                c.name(),
                provider,
                teaches,
                c.cost().map(cost -> cost.price().doubleValue()),
                c.cost().map(CredentialOfValue.Cost::currency).orElse(""),
                c.duration().map(d -> (double) d.hours()),
                c.delivery().stream()
                        .map(CredentialOfValue.DeliveryMode::label)
                        .sorted()
                        .toList(),
                c.places().stream()
                        .map(CredentialOfValue.Place::label)
                        .distinct()
                        .toList(),
                "");
    }
}
