package org.openler.platform.wallet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.privacy.HeldItem;
import org.openler.platform.privacy.IdMap;
import org.openler.platform.privacy.PersonalData;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wallet's part of the person's record: held credentials with their exact bytes, format, source, hidden flag and
 * order, and the collections. Restoring re-adds each credential through the import's verification (a bundle is a
 * file like any other: nothing enters unverified) and keeps its bytes. The holder key is not exported: the private
 * key stays sealed here, and a new account gets a new did:key; the credentials claimed with the old one keep naming
 * the old DID (recorded as {@code holderDid}), which does not affect their issuer's signature.
 */
@Component
class WalletData implements PersonalData {

    static final String SECTION = "wallet";

    private final Wallet wallet;
    private final WalletImport imports;
    private final WalletCollections collections;
    private final HolderKeys holderKeys;
    private final AccountService accounts;
    private final JdbcClient jdbc;

    WalletData(
            Wallet wallet,
            WalletImport imports,
            WalletCollections collections,
            HolderKeys holderKeys,
            AccountService accounts,
            JdbcClient jdbc) {
        this.wallet = wallet;
        this.imports = imports;
        this.collections = collections;
        this.holderKeys = holderKeys;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public int restoreOrder() {
        return 10;
    }

    @Override
    public List<HeldItem> summary(AccountId owner) {
        List<HeldCredential> held = wallet.list(owner, true);
        List<HeldItem> items = new ArrayList<>();
        items.add(new HeldItem("privacy.held.credentials", held.size()));
        long hidden = held.stream().filter(HeldCredential::hidden).count();
        if (hidden > 0) {
            items.add(new HeldItem("privacy.held.hidden", hidden));
        }
        items.add(
                new HeldItem("privacy.held.collections", collections.list(owner).size()));
        if (holderKeys.existingDid(owner).isPresent()) {
            items.add(new HeldItem("privacy.held.holderKey", 1));
        }
        return items;
    }

    @Override
    public JsonNode export(AccountId owner) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        holderKeys.existingDid(owner).ifPresent(did -> node.put("holderDid", did.value()));
        ArrayNode credentials = node.putArray("credentials");
        for (Wallet.WithDocument held : wallet.listWithDocuments(owner, true)) {
            HeldCredential c = held.credential();
            ObjectNode one = credentials.addObject();
            one.put("id", c.id().toString());
            one.put("format", c.format().name());
            one.put("source", c.source().name());
            one.put("hidden", c.hidden());
            one.put("position", c.position());
            one.put("addedAt", c.addedAt().toString());
            if (c.holderDid() != null) {
                one.put("holderDid", c.holderDid());
            }
            issuedCredentialId(owner, c.id()).ifPresent(id -> one.put("issuedCredentialId", id.toString()));
            one.put("document", held.document());
        }
        ArrayNode groups = node.putArray("collections");
        for (WalletCollections.Collection collection : collections.list(owner)) {
            ObjectNode one = groups.addObject();
            one.put("id", collection.id().toString());
            one.put("name", collection.name());
            ArrayNode members = one.putArray("credentials");
            collection.credentials().stream().map(UUID::toString).sorted().forEach(members::add);
        }
        return node;
    }

    @Override
    public void restore(AccountId owner, JsonNode section, IdMap ids) {
        if (!section.isObject() || !section.path("credentials").isArray()) {
            throw malformed("has no \"credentials\" list");
        }
        if (section.path("credentials").size() > Wallet.MAX_LISTED) {
            throw malformed("holds more than " + Wallet.MAX_LISTED + " credentials, more than a wallet lists");
        }
        boolean learner =
                accounts.find(owner).map(a -> a.kind() == AccountKind.LEARNER).orElse(false);
        if (!learner && !section.path("credentials").isEmpty()) {
            throw new PlatformException(
                    Problem.UNPROCESSABLE, "Only a learner's account holds credentials; import this bundle there.");
        }
        List<JsonNode> credentials = new ArrayList<>();
        section.path("credentials").forEach(credentials::add);
        // In the learner's order: adding appends, so the order survives.
        credentials.sort(Comparator.comparingInt(c -> c.path("position").asInt(0)));
        int n = 0;
        for (JsonNode credential : credentials) {
            n++;
            String label = "Credential " + n + " of the bundle";
            String bundleId = text(credential, "id", label);
            HeldCredential.Format format = format(text(credential, "format", label), label);
            String document = text(credential, "document", label);
            Wallet.Entry verified = imports.verified(format, document, label);
            HeldCredential.Source source =
                    "CLAIMED".equals(credential.path("source").asString(""))
                            ? HeldCredential.Source.CLAIMED
                            : HeldCredential.Source.IMPORTED;
            Wallet.Entry entry = new Wallet.Entry(
                    source,
                    verified.format(),
                    verified.document(),
                    verified.facts(),
                    sameIssuedHere(credential.path("issuedCredentialId").asString(""), document),
                    credential.path("holderDid").isString()
                            ? clip(credential.path("holderDid").asString())
                            : null);
            UUID id = wallet.add(owner, entry);
            if (credential.path("hidden").asBoolean(false)) {
                wallet.setHidden(owner, new HeldCredentialId(id), true);
            }
            ids.put(SECTION, bundleId, id);
        }
        JsonNode groups = section.path("collections");
        if (!groups.isMissingNode() && !groups.isArray()) {
            throw malformed("has a \"collections\" value that is not a list");
        }
        for (JsonNode group : groups) {
            UUID collection = collections.create(owner, text(group, "name", "A collection"));
            ids.put(SECTION + "/collection", group.path("id").asString(""), collection);
            for (JsonNode member : group.path("credentials")) {
                UUID held = ids.find(SECTION, member.asString(""))
                        .orElseThrow(() -> malformed("has a collection naming a credential the bundle does not hold"));
                collections.add(owner, new CollectionId(collection), new HeldCredentialId(held));
            }
        }
    }

    /**
     * Claim links sent to the person's address go: the address is theirs and the account is going. The credentials
     * themselves go with the account (foreign keys cascade); the issuer's record of what it issued stays.
     */
    @Override
    public void beforeDeletion(AccountId owner) {
        accounts.find(owner)
                .ifPresent(account -> jdbc.sql("delete from wallet_claim where recipient_email = ?")
                        .param(account.email().value())
                        .update());
    }

    private Optional<UUID> issuedCredentialId(AccountId owner, UUID held) {
        return jdbc.sql("select issued_credential_id from wallet_credential where account_id = ? and id = ?"
                        + " and issued_credential_id is not null")
                .params(owner.value(), held)
                .query(UUID.class)
                .optional();
    }

    /**
     * The issued credential on this platform the bundle names, only if it is the very same bytes: a bundle cannot
     * link a credential to someone else's issuance (it would reach their issuer's correction page).
     */
    private @Nullable UUID sameIssuedHere(String issuedId, String document) {
        UUID id;
        try {
            id = UUID.fromString(issuedId);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return jdbc.sql("select id from issued_credential where id = ? and document = ?")
                .params(id, document)
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    private static HeldCredential.Format format(String value, String label) {
        try {
            return HeldCredential.Format.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new PlatformException(Problem.UNPROCESSABLE, label + " has an unknown format.");
        }
    }

    private static String text(JsonNode node, String field, String label) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new PlatformException(Problem.UNPROCESSABLE, label + " has no \"" + field + "\".");
        }
        return value.asString();
    }

    private static String clip(String did) {
        return did.length() > 200 ? did.substring(0, 200) : did;
    }

    private static PlatformException malformed(String what) {
        return new PlatformException(Problem.UNPROCESSABLE, "The bundle's wallet section " + what + ".");
    }
}
