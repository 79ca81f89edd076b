package org.openler.platform.obapi;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.Wallet;
import org.openler.standards.StandardsException;
import org.openler.standards.json.StrictJson;
import org.springframework.stereotype.Component;

/**
 * The learner's wallet as the APIs see it: the credentials of one kind (OpenBadgeCredentials for Open Badges,
 * ClrCredentials for CLR) that are verifiable credentials in one of the two forms the specifications exchange — JSON
 * with an embedded proof, or a compact VC-JWT. SD-JWT VCs and Open Badges 2.0 assertions are not part of these APIs.
 */
@Component
class ObCredentials {

    private final Wallet wallet;

    ObCredentials(Wallet wallet) {
        this.wallet = wallet;
    }

    /** A credential as the API serves it: its wallet id, its credential JSON, and the compact JWS it came as, if any. */
    record Listed(
            UUID walletId,
            JsonObject credential,
            @Nullable String compactJws,
            @Nullable Instant validFrom) {}

    /** One page of the learner's credentials of the standard's kind, and how many there are in all. */
    record Page(List<Listed> credentials, int total) {}

    /**
     * The learner's credentials of the standard's kind, in the learner's order, hidden ones left out, valid from
     * {@code since} on (when given): the {@code limit} from {@code offset}, and the count of all. The wallet is read a
     * batch at a time and only the page's credentials are kept.
     */
    Page page(AccountId learner, ObStandard standard, @Nullable Instant since, int offset, int limit) {
        List<Listed> page = new ArrayList<>();
        int[] total = {0};
        wallet.eachWithDocument(learner, false, held -> {
            read(held.credential(), held.document())
                    .filter(one -> isOfKind(one.credential(), standard))
                    .filter(one -> since == null
                            || (one.validFrom() != null && !one.validFrom().isBefore(since)))
                    .ifPresent(one -> {
                        if (total[0] >= offset && page.size() < limit) {
                            page.add(one);
                        }
                        total[0]++;
                    });
            return true;
        });
        return new Page(page, total[0]);
    }

    /**
     * The held credential (hidden ones included) that the sent one is another version of: the same {@code id} from
     * the same issuer, the equality the specification's upsert uses. Empty when the sent one has no id.
     */
    Optional<UUID> sameCredential(AccountId learner, JsonObject sent) {
        Optional<String> id = text(sent, "id");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> issuer = issuerId(sent);
        AtomicReference<Optional<UUID>> found = new AtomicReference<>(Optional.empty());
        wallet.eachWithDocument(learner, true, held -> {
            Optional<Listed> one = read(held.credential(), held.document());
            if (one.isPresent()
                    && id.equals(text(one.get().credential(), "id"))
                    && issuer.equals(issuerId(one.get().credential()))) {
                found.set(Optional.of(held.credential().id()));
                return false;
            }
            return true;
        });
        return found.get();
    }

    static Optional<Listed> read(HeldCredential held, String document) {
        try {
            return switch (held.format()) {
                case DATA_INTEGRITY ->
                    Optional.of(new Listed(held.id(), StrictJson.parseObject(document), null, held.validFrom()));
                case VC_JWT ->
                    credentialOfJwt(document).map(vc -> new Listed(held.id(), vc, document.strip(), held.validFrom()));
                default -> Optional.empty();
            };
        } catch (StandardsException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The credential a compact VC-JWT carries: its {@code vc} claim (OB 3.0 §8.2), or the payload itself. */
    static Optional<JsonObject> credentialOfJwt(String compact) {
        String[] parts = compact.strip().split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        JsonObject payload =
                StrictJson.parseObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        return Optional.of(payload.get("vc") instanceof JsonObject vc ? vc : payload);
    }

    static boolean isOfKind(JsonObject credential, ObStandard standard) {
        JsonValue type = credential.get("type");
        List<String> types = new ArrayList<>();
        if (type instanceof JsonString s) {
            types.add(s.getString());
        } else if (type instanceof JsonArray array) {
            array.forEach(each -> {
                if (each instanceof JsonString s) {
                    types.add(s.getString());
                }
            });
        }
        return types.stream().anyMatch(standard.credentialTypes()::contains);
    }

    private static Optional<String> text(JsonObject object, String field) {
        return object.get(field) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    private static Optional<String> issuerId(JsonObject credential) {
        JsonValue issuer = credential.get("issuer");
        if (issuer instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        return issuer instanceof JsonObject object ? text(object, "id") : Optional.empty();
    }
}
