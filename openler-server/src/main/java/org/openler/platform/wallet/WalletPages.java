package org.openler.platform.wallet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.PageRefusals;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.verification.CredentialContent;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The learner's wallet pages: the list (status re-checked as it is shown), a credential's checks in plain words, its
 * download, importing a file, curating (hide, order, collections), and the claim link's page.
 */
@Controller
class WalletPages {

    private final Wallet wallet;
    private final StatusCheck statusCheck;
    private final WalletCollections collections;
    private final WalletImport imports;
    private final HolderKeys holderKeys;
    private final Claims claims;
    private final List<CreditWorth> worth;

    WalletPages(
            Wallet wallet,
            StatusCheck statusCheck,
            WalletCollections collections,
            WalletImport imports,
            HolderKeys holderKeys,
            Claims claims,
            List<CreditWorth> worth) {
        this.worth = worth;
        this.wallet = wallet;
        this.statusCheck = statusCheck;
        this.collections = collections;
        this.imports = imports;
        this.holderKeys = holderKeys;
        this.claims = claims;
    }

    @GetMapping("/wallet")
    @Access(Audience.LEARNER)
    String home(@RequestParam(defaultValue = "false") boolean hidden, Model model) {
        Actor.Person me = learner();
        List<StatusCheck.Checked> held = statusCheck.list(me.accountId(), hidden);
        model.addAttribute("credentials", held);
        model.addAttribute("showHidden", hidden);
        model.addAttribute("collections", collections.list(me.accountId()));
        model.addAttribute("holderDid", holderKeys.did(me.accountId()).value());
        java.util.Map<UUID, List<CreditWorth.Worth>> credit = new java.util.HashMap<>();
        worth.forEach(w -> w.worth(me.accountId())
                .forEach(x -> credit.computeIfAbsent(x.credential(), k -> new java.util.ArrayList<>())
                        .add(x)));
        model.addAttribute("worth", credit);
        return "wallet/home";
    }

    @GetMapping("/wallet/credentials/{id}")
    @Access(Audience.LEARNER)
    String credential(@PathVariable UUID id, Model model) {
        Actor.Person me = learner();
        model.addAttribute("checked", statusCheck.one(me.accountId(), id));
        model.addAttribute(
                "credentialContent", // not "content": the layout's fragment parameter has that name
                CredentialContent.read(wallet.document(me.accountId(), new HeldCredentialId(id)))
                        .orElse(null));
        model.addAttribute("collections", collections.list(me.accountId()));
        return "wallet/credential";
    }

    @GetMapping("/wallet/credentials/{id}/download")
    @Access(Audience.LEARNER)
    ResponseEntity<byte[]> download(@PathVariable UUID id) {
        Actor.Person me = learner();
        HeldCredential held = wallet.get(me.accountId(), new HeldCredentialId(id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(held.format().mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("credential-" + id + held.format().fileExtension())
                                .build()
                                .toString())
                .body(wallet.document(me.accountId(), new HeldCredentialId(id)).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/wallet/import")
    @Access(Audience.LEARNER)
    String importFile(
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "") String text,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        Actor.Person me = learner();
        try {
            if (file != null && file.getSize() > WalletImport.MAX_BYTES) {
                throw new PlatformException(Problem.PAYLOAD_TOO_LARGE, "The file is larger than 1 MB.");
            }
            byte[] body = file != null && !file.isEmpty() ? file.getBytes() : text.getBytes(StandardCharsets.UTF_8);
            List<UUID> ids = imports.importFile(me, body);
            redirect.addFlashAttribute("imported", ids.size());
            return "redirect:/wallet";
        } catch (PlatformException refused) {
            PageRefusals.showOnPage(refused, "importError", model, request, response);
            return home(false, model);
        }
    }

    @PostMapping("/wallet/credentials/{id}/hide")
    @Access(Audience.LEARNER)
    String hide(@PathVariable UUID id) {
        wallet.setHidden(learner().accountId(), new HeldCredentialId(id), true);
        return "redirect:/wallet";
    }

    @PostMapping("/wallet/credentials/{id}/unhide")
    @Access(Audience.LEARNER)
    String unhide(@PathVariable UUID id) {
        wallet.setHidden(learner().accountId(), new HeldCredentialId(id), false);
        return "redirect:/wallet?hidden=true";
    }

    @PostMapping("/wallet/credentials/{id}/move")
    @Access(Audience.LEARNER)
    String move(@PathVariable UUID id, @RequestParam(defaultValue = "") String direction) {
        Wallet.Direction way = switch (direction) {
            case "up" -> Wallet.Direction.UP;
            case "down" -> Wallet.Direction.DOWN;
            default -> throw PlatformException.invalid("direction", "Move up or down.");
        };
        wallet.move(learner().accountId(), new HeldCredentialId(id), way);
        return "redirect:/wallet#credential-" + id;
    }

    @PostMapping("/wallet/collections")
    @Access(Audience.LEARNER)
    String createCollection(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        PageRefusals.flashed(
                () -> collections.create(learner().accountId(), name), redirect, "collectionError", PageRefusals::any);
        return "redirect:/wallet#collections";
    }

    @PostMapping("/wallet/collections/{collection}/rename")
    @Access(Audience.LEARNER)
    String renameCollection(
            @PathVariable UUID collection, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        PageRefusals.flashed(
                () -> collections.rename(learner().accountId(), new CollectionId(collection), name),
                redirect,
                "collectionError",
                PageRefusals::namingFields);
        return "redirect:/wallet#collections";
    }

    @PostMapping("/wallet/collections/{collection}/delete")
    @Access(Audience.LEARNER)
    String deleteCollection(@PathVariable UUID collection) {
        collections.delete(learner().accountId(), new CollectionId(collection));
        return "redirect:/wallet#collections";
    }

    @PostMapping("/wallet/collections/{collection}/add")
    @Access(Audience.LEARNER)
    String addToCollection(@PathVariable UUID collection, @RequestParam(defaultValue = "") String credential) {
        UUID id = uuid(credential);
        collections.add(learner().accountId(), new CollectionId(collection), new HeldCredentialId(id));
        return "redirect:/wallet/credentials/" + id;
    }

    @PostMapping("/wallet/collections/{collection}/remove")
    @Access(Audience.LEARNER)
    String removeFromCollection(@PathVariable UUID collection, @RequestParam(defaultValue = "") String credential) {
        UUID id = uuid(credential);
        collections.remove(learner().accountId(), new CollectionId(collection), new HeldCredentialId(id));
        return "redirect:/wallet/credentials/" + id;
    }

    /** The claim link from the e-mail: what is offered, and a button (a GET changes nothing: mail scanners follow links). */
    @GetMapping("/wallet/claim/{token}")
    @Access(Audience.PUBLIC)
    String claimPage(@PathVariable String token, Model model, HttpServletResponse response) {
        Claims.Offer offer = claims.offer(token).orElseThrow(() -> PlatformException.notFound("This claim link"));
        if (!offer.open()) {
            response.setStatus(HttpServletResponse.SC_GONE);
        }
        model.addAttribute("offer", offer);
        model.addAttribute("token", token);
        model.addAttribute("signedIn", Actors.currentPerson().isPresent());
        return "wallet/claim";
    }

    @PostMapping("/wallet/claim/{token}")
    @Access(Audience.LEARNER)
    String claim(@PathVariable String token, RedirectAttributes redirect) {
        UUID held = claims.claim(token, learner());
        redirect.addFlashAttribute("claimed", true);
        return "redirect:/wallet/credentials/" + held;
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid("credential", "Choose one of your credentials.");
        }
    }

    static Actor.Person learner() {
        return (Actor.Person) Actors.current();
    }
}
