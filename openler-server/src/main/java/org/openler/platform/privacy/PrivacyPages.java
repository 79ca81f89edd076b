package org.openler.platform.privacy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.PageRefusals;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The privacy center: one page with what OpenLER holds about the person, who accessed it, the consent log, the
 * download and import of the bundle, discovery, correction, and account deletion. Every answer about the person's
 * record says {@code Cache-Control: no-store}.
 */
@Controller
class PrivacyPages {

    private final PrivacyCenter center;
    private final Bundles bundles;
    private final AccountDeletion deletion;
    private final AccountService accounts;
    private final Discovery discovery;
    private final List<SelfAsserted> selfAsserted;
    private final AuditLog audit;

    PrivacyPages(
            PrivacyCenter center,
            Bundles bundles,
            AccountDeletion deletion,
            AccountService accounts,
            Discovery discovery,
            List<SelfAsserted> selfAsserted,
            AuditLog audit) {
        this.center = center;
        this.bundles = bundles;
        this.deletion = deletion;
        this.accounts = accounts;
        this.discovery = discovery;
        this.selfAsserted = selfAsserted;
        this.audit = audit;
    }

    @GetMapping("/privacy")
    @Access(Audience.SIGNED_IN)
    String center(Model model, HttpServletResponse response) {
        Actor.Person me = person();
        Account account = accounts.find(me.accountId()).orElseThrow(() -> PlatformException.notFound("Your account"));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("account", account);
        model.addAttribute("held", center.held(me.accountId()));
        model.addAttribute("accesses", center.accesses(me.accountId()));
        model.addAttribute("consents", center.consents(me.accountId()));
        model.addAttribute("discoverable", discovery.isDiscoverable(me.accountId()));
        model.addAttribute(
                "selfAsserted",
                selfAsserted.stream()
                        .flatMap(s -> s.editable(me.accountId()).stream())
                        .filter(e -> e.count() > 0) // only what there is to correct
                        .toList());
        return "privacy/center";
    }

    @GetMapping("/privacy/export")
    @Access(Audience.SIGNED_IN)
    ResponseEntity<byte[]> export() {
        Actor.Person me = person();
        byte[] bundle = bundles.export(me);
        bundles.recordExport(me);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("openler-personal-data.json")
                                .build()
                                .toString())
                .body(bundle);
    }

    @PostMapping("/privacy/import")
    @Access(Audience.SIGNED_IN)
    String importBundle(
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "") String text,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        try {
            if (file != null && file.getSize() > Bundles.MAX_BYTES) {
                throw new PlatformException(Problem.PAYLOAD_TOO_LARGE, "The bundle is larger than 1 MB.");
            }
            byte[] body = file != null && !file.isEmpty() ? file.getBytes() : text.getBytes(StandardCharsets.UTF_8);
            List<String> restored = bundles.restore(person(), body);
            redirect.addFlashAttribute("restored", String.join(", ", restored));
            return "redirect:/privacy";
        } catch (PlatformException refused) {
            return refusedOnPage(refused, "importError", model, request, response);
        }
    }

    @PostMapping("/privacy/discovery")
    @Access(Audience.SIGNED_IN)
    String discovery(@RequestParam(defaultValue = "false") boolean discoverable, RedirectAttributes redirect) {
        discovery.setDiscoverable(person().accountId(), discoverable);
        redirect.addFlashAttribute("saved", "discovery");
        return "redirect:/privacy#discovery";
    }

    @PostMapping("/privacy/name")
    @Access(Audience.SIGNED_IN)
    String rename(
            @RequestParam(defaultValue = "") String displayName,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Actor.Person me = person();
        try {
            accounts.rename(me.accountId(), displayName);
        } catch (PlatformException refused) {
            return refusedOnPage(refused, "nameError", model, request, response);
        }
        audit.record(AuditEvent.success(AuditAction.PERSONAL_DATA_CORRECTED, me, null, me.auditName())
                .withDetail("displayName"));
        redirect.addFlashAttribute("saved", "name");
        return "redirect:/privacy#correct";
    }

    @PostMapping("/privacy/delete")
    @Access(Audience.SIGNED_IN)
    String delete(
            @RequestParam(defaultValue = "") String confirmEmail,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            deletion.delete(person(), confirmEmail);
        } catch (PlatformException refused) {
            return refusedOnPage(refused, "deleteError", model, request, response);
        }
        // The rows are gone already (every instance's sessions); this ends the one in this request too.
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/privacy/deleted";
    }

    @GetMapping("/privacy/deleted")
    @Access(Audience.PUBLIC)
    String deleted() {
        return "privacy/deleted";
    }

    /** A refusal: a program gets the problem; a person gets the page again with the reason beside the form. */
    private String refusedOnPage(
            PlatformException refused,
            String errorAttribute,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        PageRefusals.showOnPage(refused, errorAttribute, model, request, response);
        return center(model, response);
    }

    private static Actor.Person person() {
        return (Actor.Person) Actors.current();
    }
}
