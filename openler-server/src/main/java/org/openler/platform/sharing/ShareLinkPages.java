package org.openler.platform.sharing;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.matching.SharedFits;
import org.openler.platform.problems.PlatformException;
import org.openler.standards.json.StrictJson;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What anyone with a share link sees, with no sign-in: the employer's verification page (each credential's checks in
 * plain words), the same presentation as JSON for programs ({@code Accept: application/json}), and the presentation
 * as a file. Each of them is an access, recorded for the learner, and signs a presentation with a fresh challenge.
 * An ended share answers 410 Gone (a page for people, problem+json for programs). A share aimed at a job or an
 * occupation also shows the fit of the shared credentials to it (the page's section, and {@code /share/{token}/fit}).
 */
@Controller
class ShareLinkPages {

    static final MediaType VP = MediaType.parseMediaType("application/vp+ld+json");

    private final ShareLinks links;
    private final ShareChecks checks;
    private final ShareFits fits;

    ShareLinkPages(ShareLinks links, ShareChecks checks, ShareFits fits) {
        this.links = links;
        this.checks = checks;
        this.fits = fits;
    }

    @GetMapping(value = "/share/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Access(Audience.PUBLIC)
    String page(@PathVariable String token, Model model) {
        ShareLinks.Opened opened = links.open(token, ShareAccess.Kind.OPENED);
        model.addAttribute("share", opened.share());
        model.addAttribute("report", checks.check(opened));
        model.addAttribute("challenge", opened.challenge());
        model.addAttribute("domain", opened.domain());
        model.addAttribute("token", token);
        model.addAttribute("target", opened.share().target());
        model.addAttribute("fit", fits.fit(opened.owner(), opened.share()).orElse(null));
        return "sharing/open";
    }

    /**
     * The share's fit to its target as JSON, for programs: the presentation itself stays exactly the signed shared
     * credentials, so the fit (which the platform works out, and the holder did not sign) has its own address. An
     * access like any other; 404 when the share has no target, 410 once it ended.
     */
    @GetMapping(value = "/share/{token}/fit", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    ResponseEntity<FitView> fit(@PathVariable String token) {
        Shares.Linked linked = links.read(token);
        Share.Target target = linked.share().target();
        if (target == null) {
            throw PlatformException.notFound("A target of this share");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new FitView(
                        target.kind(),
                        target.ref(),
                        target.title(),
                        fits.fit(linked.owner(), linked.share()).orElse(null)));
    }

    /**
     * The target as the learner chose it and, unless it can no longer be matched ({@code fit} null), the fit of the
     * shared credentials to it.
     */
    record FitView(String kind, String ref, String title, SharedFits.@Nullable Fit fit) {}

    @GetMapping(
            value = "/share/{token}",
            produces = {MediaType.APPLICATION_JSON_VALUE, "application/vp+ld+json", "application/ld+json"})
    @Access(Audience.PUBLIC)
    ResponseEntity<String> json(@PathVariable String token) {
        ShareLinks.Opened opened = links.open(token, ShareAccess.Kind.OPENED);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(StrictJson.write(opened.presentation()));
    }

    @GetMapping("/share/{token}/presentation")
    @Access(Audience.PUBLIC)
    ResponseEntity<byte[]> download(@PathVariable String token) {
        ShareLinks.Opened opened = links.open(token, ShareAccess.Kind.DOWNLOADED);
        return ResponseEntity.ok()
                .contentType(VP)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("presentation-" + opened.share().id() + ".json")
                                .build()
                                .toString())
                .body(StrictJson.write(opened.presentation()).getBytes(StandardCharsets.UTF_8));
    }
}
