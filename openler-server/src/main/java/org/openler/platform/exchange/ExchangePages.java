package org.openler.platform.exchange;

import java.util.UUID;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.Wallet;
import org.openler.platform.web.QrCodes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Send to another wallet" on a held credential: the learner makes an offer and is shown it once (QR codes and links
 * for a VC-API wallet such as the DCC Learner Credential Wallet, and for an OpenID4VCI wallet). The offer's codes are
 * not kept in clear, so the page is the answer to the POST and never a page to come back to.
 */
@Controller
class ExchangePages {

    private final Offers offers;
    private final Wallet wallet;

    ExchangePages(Offers offers, Wallet wallet) {
        this.offers = offers;
        this.wallet = wallet;
    }

    @GetMapping("/wallet/credentials/{id}/send")
    @Access(Audience.LEARNER)
    String start(@PathVariable UUID id, Model model) {
        HeldCredential held = wallet.get(learner().accountId(), new HeldCredentialId(id));
        model.addAttribute("credential", held);
        return "exchange/send";
    }

    @PostMapping("/wallet/credentials/{id}/send")
    @Access(Audience.LEARNER)
    String offer(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean txCode, Model model) {
        Actor.Person me = learner();
        HeldCredential held = wallet.get(me.accountId(), new HeldCredentialId(id));
        Offers.Offer offer = offers.offer(me, new HeldCredentialId(id), txCode);
        model.addAttribute("credential", held);
        model.addAttribute("offer", offer);
        model.addAttribute("lcwQr", QrCodes.svgDataUrl(offer.lcwDeepLink().toString()));
        model.addAttribute(
                "oid4vciQr", QrCodes.svgDataUrl(offer.credentialOfferUri().toString()));
        return "exchange/offer";
    }

    private static Actor.Person learner() {
        return (Actor.Person) Actors.current();
    }
}
