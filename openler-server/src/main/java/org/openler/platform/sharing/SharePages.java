package org.openler.platform.sharing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.matching.SharedFits;
import org.openler.platform.problems.PageRefusals;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.Wallet;
import org.openler.platform.web.QrCodes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The learner's share pages: the list with each share's status and accesses, the form that makes a share (its link
 * and QR code are shown once, right after), one share with its access log, and revocation.
 */
@Controller
class SharePages {

    private final Shares shares;
    private final Wallet wallet;
    private final SharingProperties properties;
    private final PlatformUrls urls;
    private final SharedFits fits;
    private final Clock clock;

    SharePages(
            Shares shares,
            Wallet wallet,
            SharingProperties properties,
            PlatformUrls urls,
            SharedFits fits,
            Clock clock) {
        this.fits = fits;
        this.shares = shares;
        this.wallet = wallet;
        this.properties = properties;
        this.urls = urls;
        this.clock = clock;
    }

    @GetMapping("/wallet/shares")
    @Access(Audience.LEARNER)
    String list(Model model) {
        AccountId me = learner();
        List<Share> mine = shares.list(me);
        Map<UUID, List<ShareAccess>> accesses = shares.accesses(me).stream()
                .collect(Collectors.groupingBy(ShareAccess::shareId, LinkedHashMap::new, Collectors.toList()));
        model.addAttribute("shares", mine);
        model.addAttribute("accesses", accesses);
        model.addAttribute("credentials", wallet.list(me, false));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        model.addAttribute("today", today);
        model.addAttribute(
                "defaultUntil", today.plusDays(properties.defaultDuration().toDays()));
        model.addAttribute("maxUntil", today.plusDays(properties.maxDuration().toDays()));
        model.addAttribute("dataIntegrity", HeldCredential.Format.DATA_INTEGRITY);
        model.addAttribute("sdJwt", HeldCredential.Format.SD_JWT);
        model.addAttribute("disclosable", shares.disclosable(me));
        // the resume's own choices: the open jobs and the occupations the learner's record points to
        model.addAttribute("targets", wallet.list(me, false).isEmpty() ? List.of() : fits.choices(me));
        if (!model.containsAttribute("target")) {
            model.addAttribute("target", "");
        }
        return "sharing/list";
    }

    @PostMapping("/wallet/shares")
    @Access(Audience.LEARNER)
    String create(
            @RequestParam(name = "credential", required = false) @Nullable List<String> credential,
            @RequestParam(defaultValue = "") String party,
            @RequestParam(defaultValue = "") String purpose,
            @RequestParam(defaultValue = "") String until,
            @RequestParam(name = "claim", required = false) @Nullable List<String> claim,
            @RequestParam(defaultValue = "") String target,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            Shares.Created created = shares.create(
                    learner(),
                    ShareRequests.read(credential, party, purpose, until, ShareRequests.claimsFromForm(claim), target));
            String link = link(urls, created.token());
            redirect.addFlashAttribute("link", link);
            redirect.addFlashAttribute("qr", QrCodes.svgDataUrl(link));
            return "redirect:/wallet/shares/" + created.share().id();
        } catch (PlatformException refused) {
            if (!PageRefusals.namingFields(refused)) {
                throw refused;
            }
            PageRefusals.showOnPage(refused, "shareError", model, request, response);
            model.addAttribute("errorField", refused.fieldErrors().get(0).field());
            model.addAttribute("party", party.length() > Shares.MAX_PARTY ? "" : party);
            model.addAttribute("purpose", purpose.length() > Shares.MAX_PURPOSE ? "" : purpose);
            model.addAttribute("target", target.length() > SharedFits.MAX_KEY ? "" : target.strip());
            return list(model);
        }
    }

    @GetMapping("/wallet/shares/{id}")
    @Access(Audience.LEARNER)
    String share(@PathVariable UUID id, Model model) {
        AccountId me = learner();
        model.addAttribute("share", shares.get(me, new ShareId(id)));
        model.addAttribute("accessLog", shares.accesses(me, new ShareId(id)));
        return "sharing/share";
    }

    @PostMapping("/wallet/shares/{id}/revoke")
    @Access(Audience.LEARNER)
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        shares.revoke(learner(), new ShareId(id));
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/wallet/shares/" + id;
    }

    static String link(PlatformUrls urls, String token) {
        return urls.base() + "/share/" + token;
    }

    static AccountId learner() {
        return ((Actor.Person) Actors.current()).accountId();
    }
}
