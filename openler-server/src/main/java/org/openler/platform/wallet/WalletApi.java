package org.openler.platform.wallet;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in learner's wallet as JSON: the list with each credential's state now, and one credential's bytes. */
@RestController
class WalletApi {

    private final Wallet wallet;
    private final StatusCheck statusCheck;

    WalletApi(Wallet wallet, StatusCheck statusCheck) {
        this.wallet = wallet;
        this.statusCheck = statusCheck;
    }

    record Item(
            UUID id,
            String name,
            String issuer,
            String issuerId,
            @Nullable Instant validFrom,
            @Nullable Instant validUntil,
            String source,
            String format,
            String status,
            boolean hidden,
            @Nullable String holderDid) {}

    @GetMapping(value = "/api/v1/wallet/credentials", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.LEARNER)
    List<Item> list() {
        return statusCheck.list(WalletPages.learner().accountId(), true).stream()
                .map(c -> new Item(
                        c.credential().id(),
                        c.credential().name(),
                        c.credential().issuerName(),
                        c.credential().issuerId(),
                        c.credential().validFrom(),
                        c.credential().validUntil(),
                        c.credential().source().name().toLowerCase(),
                        c.credential().format().name().toLowerCase(),
                        c.state().name().toLowerCase(),
                        c.credential().hidden(),
                        c.credential().holderDid()))
                .toList();
    }

    /** The credential exactly as held: its JSON, or the compact VC-JWT as text. */
    @GetMapping("/api/v1/wallet/credentials/{id}")
    @Access(Audience.LEARNER)
    ResponseEntity<String> document(@PathVariable UUID id) {
        HeldCredential held = wallet.get(WalletPages.learner().accountId(), new HeldCredentialId(id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(held.format().mediaType()))
                .body(wallet.document(WalletPages.learner().accountId(), new HeldCredentialId(id)));
    }
}
