package org.openler.platform.sharing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.keys.SecretTokens;
import org.openler.platform.matching.SharedFits;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.Wallet;
import org.openler.standards.sdjwt.SdJwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's shares: made from credentials the learner holds, listed with where they stand, revoked at any time.
 * The link's token is returned once, when the share is made; only its SHA-256 is kept.
 */
@Service
public class Shares {

    static final int MAX_ITEMS = 50;
    static final int MAX_PARTY = 200;
    static final int MAX_PURPOSE = 500;

    private final ShareStore store;
    private final Wallet wallet;
    private final SharingProperties properties;
    private final SharedFits fits;
    private final Clock clock;

    Shares(ShareStore store, Wallet wallet, SharingProperties properties, SharedFits fits, Clock clock) {
        this.store = store;
        this.wallet = wallet;
        this.properties = properties;
        this.fits = fits;
        this.clock = clock;
    }

    /**
     * What the learner shares: credentials from their wallet (in the order given), with whom, why, until when (empty:
     * the default duration from today); for an SD-JWT VC, which of its claims (by credential; a credential not named
     * here discloses only what its issuer left always visible); and optionally a target ({@code job:<id>} or {@code
     * occupation:<code>}) whose fit the reader sees.
     */
    public record NewShare(
            List<UUID> credentials,
            String party,
            String purpose,
            Optional<LocalDate> lastDay,
            Map<UUID, List<String>> claims,
            Optional<String> target) {
        public NewShare {
            credentials = List.copyOf(credentials);
            claims = Map.copyOf(claims);
        }

        public NewShare(
                List<UUID> credentials,
                String party,
                String purpose,
                Optional<LocalDate> lastDay,
                Map<UUID, List<String>> claims) {
            this(credentials, party, purpose, lastDay, claims, Optional.empty());
        }

        public NewShare(List<UUID> credentials, String party, String purpose, Optional<LocalDate> lastDay) {
            this(credentials, party, purpose, lastDay, Map.of());
        }
    }

    /** A share just made, with its link's token: shown to the learner once, never stored. */
    public record Created(Share share, String token) {}

    @Transactional
    public Created create(AccountId owner, NewShare request) {
        return create(owner, request, SecretTokens.newToken());
    }

    /** Each SD-JWT VC in the learner's wallet, with the claims it can disclose (for the share form's choices). */
    public Map<UUID, List<String>> disclosable(AccountId owner) {
        Map<UUID, List<String>> claims = new LinkedHashMap<>();
        for (HeldCredential held : wallet.list(owner, false)) {
            if (held.format() == HeldCredential.Format.SD_JWT) {
                claims.put(
                        held.id(),
                        SdJwt.parse(wallet.document(owner, new HeldCredentialId(held.id()))).disclosures().stream()
                                .flatMap(d -> d.claimName().stream())
                                .distinct()
                                .toList());
            }
        }
        return claims;
    }

    /**
     * The claims chosen of an SD-JWT VC, in the credential's order, each one it can disclose: a name it cannot is
     * refused rather than silently dropped, so the learner never believes they shared what they did not.
     */
    private List<String> disclosable(AccountId owner, HeldCredential held, List<String> chosen) {
        List<String> names = SdJwt.parse(wallet.document(owner, new HeldCredentialId(held.id()))).disclosures().stream()
                .flatMap(d -> d.claimName().stream())
                .distinct()
                .toList();
        for (String claim : chosen) {
            if (!names.contains(claim)) {
                throw PlatformException.invalid(
                        "claims", "\"" + held.name() + "\" has no field \"" + claim + "\" to disclose.");
            }
        }
        return names.stream().filter(chosen::contains).toList();
    }

    /**
     * A share to an organization on the platform, recorded by its id (an accepted talent invitation): the employer's
     * internal search counts it, and no other organization of the same name does.
     */
    @Transactional
    public Created create(AccountId owner, NewShare request, OrganizationId partyOrganization) {
        return create(owner, request, SecretTokens.newToken(), Optional.of(partyOrganization));
    }

    /**
     * The credentials the owner shares now (active shares: unexpired, unrevoked) with this organization, by its id,
     * never by its name.
     */
    public Set<UUID> sharedWith(AccountId owner, OrganizationId organization) {
        return store.sharedWith(owner, organization.value(), clock.instant());
    }

    /**
     * With a given token: demo mode's fixed link. A party typed in words is taken for an organization on the
     * platform only when exactly one organization has that name.
     */
    @Transactional
    public Created create(AccountId owner, NewShare request, String token) {
        return create(owner, request, token, Optional.empty());
    }

    private Created create(
            AccountId owner, NewShare request, String token, Optional<OrganizationId> partyOrganization) {
        String party = request.party().strip();
        String purpose = request.purpose().strip();
        if (party.isEmpty() || party.length() > MAX_PARTY) {
            throw PlatformException.invalid("party", "Name who you share with (up to " + MAX_PARTY + " characters).");
        }
        if (purpose.isEmpty() || purpose.length() > MAX_PURPOSE) {
            throw PlatformException.invalid(
                    "purpose", "Say what the share is for (up to " + MAX_PURPOSE + " characters).");
        }
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(request.credentials()));
        if (ids.isEmpty() || ids.size() > MAX_ITEMS) {
            throw PlatformException.invalid(
                    "credentials", "Choose at least one of your credentials (at most " + MAX_ITEMS + ").");
        }
        List<Share.Item> items = new ArrayList<>();
        for (UUID id : ids) {
            HeldCredential held = wallet.find(owner, new HeldCredentialId(id))
                    .orElseThrow(() -> PlatformException.invalid("credentials", "Choose among your own credentials."));
            List<String> claims = request.claims().getOrDefault(id, List.of());
            switch (held.format()) {
                case DATA_INTEGRITY -> {
                    if (!claims.isEmpty()) {
                        throw PlatformException.invalid(
                                "claims",
                                "\"" + held.name() + "\" is shared whole: its format has no selective disclosure.");
                    }
                }
                case SD_JWT -> claims = disclosable(owner, held, claims);
                case OB2, OB2_SIGNED ->
                    throw PlatformException.invalid(
                            "credentials",
                            "\"" + held.name()
                                    + "\" is an Open Badges 2.0 badge, not a verifiable credential: it cannot"
                                    + " go into a signed presentation.");
                case VC_JWT ->
                    throw PlatformException.invalid(
                            "credentials",
                            "\"" + held.name() + "\" is a VC-JWT; a shared presentation carries Data Integrity"
                                    + " credentials and SD-JWT VCs only, for now.");
            }
            items.add(new Share.Item(held.id(), held.name(), claims));
        }
        Instant now = clock.instant();
        Instant expires = request.lastDay()
                .map(day -> day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElse(now.plus(properties.defaultDuration()));
        if (!expires.isAfter(now)) {
            throw PlatformException.invalid("until", "Choose a day from today on.");
        }
        if (expires.isAfter(now.plus(properties.maxDuration()).plus(Duration.ofDays(1)))) {
            throw PlatformException.invalid(
                    "until", "A share lasts at most " + properties.maxDuration().toDays() + " days.");
        }
        // checked last but before anything is written: an unknown job, a closed one or an unknown occupation is refused
        Share.Target target = request.target()
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .map(fits::resolve)
                .map(t -> new Share.Target(t.kind(), t.ref(), t.title()))
                .orElse(null);
        UUID id = UUID.randomUUID();
        @Nullable
        UUID organization = partyOrganization
                .map(OrganizationId::value)
                .or(() -> store.organizationNamed(party))
                .orElse(null);
        store.insert(owner, id, SecretTokens.hash(token), party, organization, purpose, now, expires, null, target);
        for (int i = 0; i < items.size(); i++) {
            store.insertItem(id, i, items.get(i));
        }
        return new Created(get(owner, new ShareId(id)), token);
    }

    /**
     * Demo mode: a share with a known token and one visit by an organization, made once (a second call finds the
     * token and changes nothing).
     */
    @Transactional
    public void placeForDemo(AccountId owner, NewShare request, String token, OrganizationId visitor, String name) {
        if (store.findByTokenHash(SecretTokens.hash(token)).isPresent()) {
            return;
        }
        Share share = create(owner, request, token).share();
        store.insertAccess(
                owner,
                share.id(),
                new ShareAccess(
                        UUID.randomUUID(),
                        share.id(),
                        clock.instant(),
                        ShareAccess.Kind.OPENED,
                        ShareAccess.PartyKind.ORGANIZATION,
                        name),
                visitor.value());
    }

    public List<Share> list(AccountId owner) {
        List<ShareStore.Row> rows = store.list(owner);
        Map<UUID, List<Share.Item>> items =
                store.items(owner, rows.stream().map(ShareStore.Row::id).toList());
        Instant now = clock.instant();
        return rows.stream().map(row -> share(row, items.get(row.id()), now)).toList();
    }

    public Share get(AccountId owner, ShareId id) {
        ShareStore.Row row = store.find(owner, id.value()).orElseThrow(() -> PlatformException.notFound("The share"));
        return share(row, store.items(owner, List.of(id.value())).get(id.value()), clock.instant());
    }

    /** Ends the share at once; revoking an ended share again changes nothing. */
    @Transactional
    public Share revoke(AccountId owner, ShareId id) {
        get(owner, id);
        store.revoke(owner, id.value(), clock.instant());
        return get(owner, id);
    }

    /** Who opened or downloaded the share, newest first. */
    public List<ShareAccess> accesses(AccountId owner, ShareId share) {
        get(owner, share);
        return store.accesses(owner, share.value());
    }

    /** Every access to any of the owner's shares, newest first. */
    public List<ShareAccess> accesses(AccountId owner) {
        return store.accesses(owner, null);
    }

    /** The share a link's token names, with its owner; an ended share is 410 Gone, an unknown token 404. */
    Linked active(String token) {
        ShareStore.Linked linked = store.findByTokenHash(SecretTokens.hash(token))
                .orElseThrow(() -> PlatformException.notFound("This share link"));
        Share share = get(linked.owner(), new ShareId(linked.row().id()));
        switch (share.status()) {
            case REVOKED -> throw new PlatformException(Problem.GONE, "The learner has ended this share.");
            case EXPIRED -> throw new PlatformException(Problem.GONE, "This share has expired.");
            case ACTIVE -> {}
        }
        return new Linked(linked.owner(), share);
    }

    /** An active share and its owner. */
    record Linked(AccountId owner, Share share) {}

    private static Share share(ShareStore.Row row, List<Share.Item> items, Instant now) {
        return new Share(
                row.id(),
                row.party(),
                row.purpose(),
                row.createdAt(),
                row.expiresAt(),
                row.revokedAt(),
                items,
                Share.status(row.expiresAt(), row.revokedAt(), now),
                row.target());
    }
}
