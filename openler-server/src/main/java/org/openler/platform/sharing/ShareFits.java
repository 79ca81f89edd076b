package org.openler.platform.sharing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.matching.SharedFits;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.HolderKeys;
import org.openler.platform.wallet.Wallet;
import org.openler.standards.did.Did;
import org.springframework.stereotype.Component;

/**
 * The fit a share's reader sees, worked out as they look: what counts is exactly what the share shows. A credential
 * counts if it is in the share and still in the wallet (matching then verifies it, so a revoked one drops); an SD-JWT
 * VC counts only if the learner disclosed its {@code alignments}, since the skills are what the reader would not see
 * otherwise; a credential the learner signed with their own key counts as self-asserted. Nothing else of the
 * learner's record is read.
 */
@Component
class ShareFits {

    /** The SD-JWT VC claim that carries an achievement's skills (see the profile's reading of SD-JWT VCs). */
    static final String ALIGNMENTS = "alignments";

    private final SharedFits fits;
    private final Wallet wallet;
    private final HolderKeys holderKeys;

    ShareFits(SharedFits fits, Wallet wallet, HolderKeys holderKeys) {
        this.fits = fits;
        this.wallet = wallet;
        this.holderKeys = holderKeys;
    }

    /** The share's fit to its target; empty without a target or when the target can no longer be matched. */
    Optional<SharedFits.Fit> fit(AccountId owner, Share share) {
        Share.Target target = share.target();
        if (target == null) {
            return Optional.empty();
        }
        Optional<String> self = holderKeys.existingDid(owner).map(Did::value);
        Map<UUID, String> counted = new LinkedHashMap<>();
        Map<UUID, HeldCredential> held = new LinkedHashMap<>();
        for (Share.Item item : share.items()) {
            UUID id = item.credentialId();
            if (id == null) {
                continue; // the credential left the wallet: it is no longer shared
            }
            Optional<HeldCredential> found = wallet.find(owner, new HeldCredentialId(id));
            if (found.isEmpty()
                    || (found.get().format() == HeldCredential.Format.SD_JWT
                            && !item.disclosedClaims().contains(ALIGNMENTS))) {
                continue;
            }
            counted.put(id, item.credentialName());
            held.put(id, found.get());
        }
        Set<UUID> selfIssued = held.values().stream()
                .filter(c -> self.filter(c.issuerId()::equals).isPresent())
                .map(HeldCredential::id)
                .collect(Collectors.toSet());
        return fits.fit(owner, new SharedFits.Target(target.kind(), target.ref(), target.title()), counted, selfIssued);
    }
}
