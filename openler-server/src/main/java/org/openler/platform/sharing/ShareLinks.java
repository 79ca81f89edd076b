package org.openler.platform.sharing;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.keys.SecretTokens;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens when someone follows a share link: the share must be active (else 410), the access is recorded with
 * the party as far as it is known, {@link ShareOpened} is published, and a presentation is signed for this access.
 */
@Service
class ShareLinks {

    private final Shares shares;
    private final ShareStore store;
    private final Presentations presentations;
    private final OrganizationService organizations;
    private final PlatformUrls urls;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ShareLinks(
            Shares shares,
            ShareStore store,
            Presentations presentations,
            OrganizationService organizations,
            PlatformUrls urls,
            ApplicationEventPublisher events,
            Clock clock) {
        this.shares = shares;
        this.store = store;
        this.presentations = presentations;
        this.organizations = organizations;
        this.urls = urls;
        this.events = events;
        this.clock = clock;
    }

    /** A share opened once: the share, the presentation signed for this access, and what it was bound to. */
    record Opened(Share share, JsonObject presentation, String challenge, String domain, AccountId owner) {}

    @Transactional
    Opened open(String token, ShareAccess.Kind kind) {
        Shares.Linked linked = accessed(token, kind);
        String challenge = SecretTokens.newToken();
        String domain = urls.base();
        JsonObject presentation = presentations.sign(linked.owner(), linked.share(), challenge, domain);
        return new Opened(linked.share(), presentation, challenge, domain, linked.owner());
    }

    /**
     * The share opened for what it says beside the presentation (its fit to a target): the same checks and the same
     * access record as any open, without signing a presentation nobody asked for.
     */
    @Transactional
    Shares.Linked read(String token) {
        return accessed(token, ShareAccess.Kind.OPENED);
    }

    private Shares.Linked accessed(String token, ShareAccess.Kind kind) {
        Shares.Linked linked = shares.active(token);
        Party party = party(linked, Actors.current());
        ShareAccess access = new ShareAccess(
                UUID.randomUUID(), linked.share().id(), clock.instant(), kind, party.kind(), party.name());
        store.insertAccess(linked.owner(), linked.share().id(), access, party.organization());
        events.publishEvent(new ShareOpened(linked.share().id(), access.id(), kind));
        return linked;
    }

    private record Party(
            ShareAccess.PartyKind kind,
            @Nullable UUID organization,
            @Nullable String name) {}

    /** The viewer's organization if they act for one; never who the person is. */
    private Party party(Shares.Linked linked, Actor actor) {
        return switch (actor) {
            case Actor.Anonymous anonymous -> new Party(ShareAccess.PartyKind.ANONYMOUS, null, null);
            case Actor.Machine machine ->
                organizations
                        .find(machine.organizationId())
                        .map(this::organization)
                        .orElse(new Party(ShareAccess.PartyKind.ANONYMOUS, null, null));
            case Actor.Person person -> {
                if (person.accountId().equals(linked.owner())) {
                    yield new Party(ShareAccess.PartyKind.OWNER, null, null);
                }
                List<Organization> theirs = organizations.ofAccount(person.accountId());
                // An employer first: that is whom a share is usually for.
                yield theirs.stream()
                        .filter(o -> o.kind() == Organization.Kind.EMPLOYER)
                        .findFirst()
                        .or(() -> theirs.stream().findFirst())
                        .map(this::organization)
                        .orElse(new Party(ShareAccess.PartyKind.PERSON, null, null));
            }
        };
    }

    private Party organization(Organization organization) {
        return new Party(ShareAccess.PartyKind.ORGANIZATION, organization.id().value(), organization.name());
    }
}
