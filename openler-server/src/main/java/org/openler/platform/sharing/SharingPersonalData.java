package org.openler.platform.sharing;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.privacy.Access;
import org.openler.platform.privacy.Consent;
import org.openler.platform.privacy.HeldItem;
import org.openler.platform.privacy.IdMap;
import org.openler.platform.privacy.PersonalData;
import org.openler.platform.problems.PlatformException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sharing section of what OpenLER holds about a learner: the shares (each one a consent) and who accessed them.
 * A restored share points at the wallet's new credential ids and comes back ended (its link's token was never kept,
 * so it could not open anyway), with its access history.
 */
@Component
class SharingPersonalData implements PersonalData {

    static final String SECTION = "sharing";

    private final Shares shares;
    private final ShareStore store;
    private final Clock clock;

    SharingPersonalData(Shares shares, ShareStore store, Clock clock) {
        this.shares = shares;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String section() {
        return SECTION;
    }

    /** After the wallet (10), whose new credential ids the shares point at. */
    @Override
    public int restoreOrder() {
        return 20;
    }

    @Override
    public List<HeldItem> summary(AccountId owner) {
        return List.of(
                new HeldItem("privacy.sharing.shares", shares.list(owner).size()),
                new HeldItem("privacy.sharing.accesses", shares.accesses(owner).size()));
    }

    @Override
    public JsonNode export(AccountId owner) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        Map<UUID, List<ShareAccess>> accesses =
                shares.accesses(owner).stream().collect(Collectors.groupingBy(ShareAccess::shareId));
        ObjectNode section = json.objectNode();
        ArrayNode list = section.putArray("shares");
        for (Share share : shares.list(owner)) {
            ObjectNode s = list.addObject();
            s.put("id", share.id().toString());
            s.put("party", share.party());
            s.put("purpose", share.purpose());
            s.put("createdAt", share.createdAt().toString());
            s.put("expiresAt", share.expiresAt().toString());
            if (share.revokedAt() != null) {
                s.put("revokedAt", share.revokedAt().toString());
            }
            if (share.target() != null) {
                s.putObject("target")
                        .put("kind", share.target().kind())
                        .put("ref", share.target().ref())
                        .put("title", share.target().title());
            }
            ArrayNode items = s.putArray("credentials");
            for (Share.Item item : share.items()) {
                ObjectNode i = items.addObject();
                if (item.credentialId() != null) {
                    i.put("walletId", item.credentialId().toString());
                }
                i.put("name", item.credentialName());
                ArrayNode claims = i.putArray("disclosedClaims");
                item.disclosedClaims().forEach(claims::add);
            }
            ArrayNode log = s.putArray("accesses");
            for (ShareAccess access : accesses.getOrDefault(share.id(), List.of())) {
                ObjectNode a = log.addObject();
                a.put("at", access.at().toString());
                a.put("kind", access.kind().name());
                a.put("partyKind", access.partyKind().name());
                if (access.organizationName() != null) {
                    a.put("organization", access.organizationName());
                }
            }
        }
        return section;
    }

    @Override
    public void restore(AccountId owner, JsonNode section, IdMap ids) {
        JsonNode list = section.path("shares");
        if (!list.isArray()) {
            throw PlatformException.invalid("sharing.shares", "The sharing section needs a list of shares.");
        }
        Instant now = clock.instant();
        for (JsonNode s : list) {
            UUID id = UUID.randomUUID();
            Instant expires = instant(s, "expiresAt");
            Instant revoked = s.hasNonNull("revokedAt") ? instant(s, "revokedAt") : null;
            // An active share comes back ended: its token was never exported, and a consent is not renewed silently.
            if (revoked == null && expires.isAfter(now)) {
                revoked = now;
            }
            store.insert(
                    owner,
                    id,
                    null,
                    text(s, "party", Shares.MAX_PARTY),
                    null, // a restored share comes back ended, and organization ids do not travel between platforms
                    text(s, "purpose", Shares.MAX_PURPOSE),
                    instant(s, "createdAt"),
                    expires,
                    revoked,
                    target(s.path("target")));
            JsonNode items = s.path("credentials");
            if (!items.isArray()) {
                throw PlatformException.invalid("sharing.shares.credentials", "Each share lists its credentials.");
            }
            int position = 0;
            for (JsonNode item : items) {
                UUID held = item.hasNonNull("walletId")
                        ? ids.find("wallet", item.path("walletId").asString()).orElse(null)
                        : null;
                List<String> claims = new ArrayList<>();
                item.path("disclosedClaims").forEach(c -> claims.add(c.asString()));
                store.insertItem(id, position++, new Share.Item(held, text(item, "name", 500), claims));
            }
            for (JsonNode a : s.path("accesses")) {
                ShareAccess access = new ShareAccess(
                        UUID.randomUUID(),
                        id,
                        instant(a, "at"),
                        value(ShareAccess.Kind.class, a.path("kind").asString()),
                        value(ShareAccess.PartyKind.class, a.path("partyKind").asString()),
                        a.hasNonNull("organization") ? text(a, "organization", 300) : null);
                store.insertAccess(owner, id, access, null);
            }
        }
    }

    /** The target as exported (bundles from before targets have none); ended with the share, only kept for its record. */
    private static Share.@Nullable Target target(JsonNode target) {
        if (!target.isObject()) {
            return null;
        }
        String kind = target.path("kind").asString("");
        if (!kind.equals("job") && !kind.equals("occupation")) {
            throw PlatformException.invalid("sharing.shares.target", "A share's target is a job or an occupation.");
        }
        return new Share.Target(kind, text(target, "ref", 300), text(target, "title", 500));
    }

    @Override
    public List<Access> accesses(AccountId owner) {
        Map<UUID, Share> byId = shares.list(owner).stream().collect(Collectors.toMap(Share::id, share -> share));
        return shares.accesses(owner).stream()
                .map(a -> new Access(a.at(), a.partyInWords(), what(a, byId.get(a.shareId()))))
                .toList();
    }

    @Override
    public List<Consent> consents(AccountId owner) {
        return shares.list(owner).stream()
                .map(s -> new Consent(
                        s.createdAt(),
                        s.party(),
                        s.purpose(),
                        s.items().stream().map(Share.Item::credentialName).collect(Collectors.joining(", ")),
                        s.expiresAt(),
                        s.revokedAt()))
                .toList();
    }

    @Override
    public void beforeDeletion(AccountId owner) {
        store.revokeAll(owner, clock.instant());
    }

    private static String what(ShareAccess access, @Nullable Share share) {
        String verb = access.kind() == ShareAccess.Kind.OPENED ? "Opened" : "Downloaded";
        return share == null
                ? verb + " a share"
                : verb + " the share for " + share.party() + ": "
                        + share.items().stream().map(Share.Item::credentialName).collect(Collectors.joining(", "));
    }

    private static String text(JsonNode node, String field, int max) {
        String value = node.path(field).isString() ? node.path(field).asString().strip() : "";
        if (value.isEmpty() || value.length() > max) {
            throw PlatformException.invalid(
                    "sharing." + field, "Each share needs a " + field + " (up to " + max + " characters).");
        }
        return value;
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            return Instant.parse(node.path(field).asString());
        } catch (DateTimeParseException e) {
            throw PlatformException.invalid("sharing." + field, "Give " + field + " as an ISO-8601 instant.");
        }
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid("sharing.accesses", "Unknown value " + name + ".");
        }
    }
}
