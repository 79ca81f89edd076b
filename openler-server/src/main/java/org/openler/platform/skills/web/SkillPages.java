package org.openler.platform.skills.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.problems.ProblemResponses;
import org.openler.platform.skills.Framework;
import org.openler.platform.skills.ImportOutcome;
import org.openler.platform.skills.load.FrameworkImports;
import org.openler.skills.sources.CustomFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * The ontology's pages (public: frameworks, a framework's competencies and occupations, a competency, an
 * occupation), the resolver from source URIs, the CTDL-ASN export, and the operators' import page.
 */
@Controller
class SkillPages {

    private static final Logger log = LoggerFactory.getLogger(SkillPages.class);
    private static final long MAX_UPLOAD = 1_048_576;

    private final SkillReads reads;
    private final CtdlAsnExport export;
    private final FrameworkImports imports;

    SkillPages(SkillReads reads, CtdlAsnExport export, FrameworkImports imports) {
        this.reads = reads;
        this.export = export;
        this.imports = imports;
    }

    /** A code captured by {@code {*code}} comes with its leading slash. */
    static String code(String captured) {
        String code = captured.startsWith("/") ? captured.substring(1) : captured;
        if (code.isBlank()) {
            throw new PlatformException(Problem.NOT_FOUND, "Name a code after the last slash.");
        }
        return code;
    }

    @GetMapping(value = "/skills", produces = MediaType.TEXT_HTML_VALUE)
    @Access(Audience.PUBLIC)
    String frameworks(Model model) {
        var all = reads.frameworks();
        model.addAttribute("frameworks", all.stream().filter(f -> !f.fixture()).toList());
        model.addAttribute(
                "fixtures",
                all.stream().filter(SkillViews.FrameworkView::fixture).toList());
        model.addAttribute("canImport", Actors.current() instanceof Actor.Person person && person.operator());
        return "skills/frameworks";
    }

    @GetMapping(value = "/skills/{slug}/{version}", produces = MediaType.TEXT_HTML_VALUE)
    @Access(Audience.PUBLIC)
    String framework(
            @PathVariable String slug,
            @PathVariable String version,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        var view = reads.frameworkPage(slug, version, page);
        model.addAttribute("f", view.framework());
        model.addAttribute("page", view.competencies());
        model.addAttribute("pages", pages(view.competencies().total()));
        return "skills/framework";
    }

    @GetMapping(value = "/skills/{slug}/{version}/occupations", produces = MediaType.TEXT_HTML_VALUE)
    @Access(Audience.PUBLIC)
    String occupations(
            @PathVariable String slug,
            @PathVariable String version,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        var view = reads.occupationList(slug, version, page);
        model.addAttribute("f", view.framework());
        model.addAttribute("page", view.occupations());
        model.addAttribute("pages", pages(view.occupations().total()));
        return "skills/occupations";
    }

    @GetMapping(value = "/skills/{slug}/{version}/competencies/{*code}", produces = MediaType.TEXT_HTML_VALUE)
    @Access(Audience.PUBLIC)
    String competency(@PathVariable String slug, @PathVariable String version, @PathVariable String code, Model model) {
        model.addAttribute("c", reads.competency(slug, version, code(code)));
        model.addAttribute("f", SkillViews.FrameworkView.of(reads.framework(slug, version)));
        return "skills/competency";
    }

    @GetMapping(value = "/skills/{slug}/{version}/occupations/{*code}", produces = MediaType.TEXT_HTML_VALUE)
    @Access(Audience.PUBLIC)
    String occupation(@PathVariable String slug, @PathVariable String version, @PathVariable String code, Model model) {
        model.addAttribute("o", reads.occupation(slug, version, code(code)));
        model.addAttribute("f", SkillViews.FrameworkView.of(reads.framework(slug, version)));
        return "skills/occupation";
    }

    /** Dereferences a source URI (ESCO's, O*NET's, a state's): 303 to its platform URL, which negotiates HTML/JSON. */
    @GetMapping("/skills/resolve")
    @Access(Audience.PUBLIC)
    ResponseEntity<Void> resolve(@RequestParam(defaultValue = "") String uri) {
        if (uri.isBlank()) {
            throw new PlatformException(Problem.INVALID_INPUT, "Give the URI to resolve: /skills/resolve?uri=…");
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, reads.resolve(uri))
                .build();
    }

    @GetMapping("/skills/{slug}/{version}/ctdl-asn")
    @Access(Audience.PUBLIC)
    ResponseEntity<byte[]> ctdlAsn(@PathVariable String slug, @PathVariable String version) {
        Framework framework = reads.framework(slug, version);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/ld+json"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"" + slug + "-" + version.replaceAll("[^A-Za-z0-9._-]", "-")
                                + ".ctdl-asn.json\"")
                .body(export.export(framework));
    }

    @GetMapping("/skills/import")
    @Access(Audience.OPERATOR)
    String importForm(Model model) {
        model.addAttribute("formats", CustomFormat.values());
        model.addAttribute("error", null);
        return "skills/import";
    }

    /**
     * Imports an uploaded framework (CASE, CTDL-ASN, RSD JSON or CSV; up to 1 MB here, larger files through {@code
     * openler.skills.import} at start-up). A file that cannot be read, or a version already stored with other
     * content, is refused with the reason and changes nothing.
     */
    @PostMapping("/skills/import")
    @Access(Audience.OPERATOR)
    String importFramework(
            @RequestParam(defaultValue = "") String format,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        model.addAttribute("formats", CustomFormat.values());
        var chosen = CustomFormat.of(format);
        String error = null;
        if (chosen.isEmpty()) {
            error = "skills.import.error.format";
        } else if (file == null || file.isEmpty()) {
            error = "skills.import.error.file";
        } else if (file.getSize() > MAX_UPLOAD) {
            throw new PlatformException(Problem.PAYLOAD_TOO_LARGE, "The file is larger than 1 MB.");
        }
        if (error != null || chosen.isEmpty() || file == null) {
            if (!ProblemResponses.wantsHtml(request)) {
                // programs get problem details, people the form again with the message
                throw new PlatformException(
                        Problem.INVALID_INPUT, "Send a file and a format: case, ctdl-asn, rsd or rsd-csv.");
            }
            model.addAttribute("error", error);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "skills/import";
        }
        byte[] bytes = file.getBytes();
        String label = name.isBlank() ? "Uploaded framework" : name.strip();
        String source = "upload: " + (file.getOriginalFilename() == null ? "file" : file.getOriginalFilename());
        try {
            ImportOutcome outcome = imports.load(() -> chosen.get().read(bytes, source, label));
            Framework f = outcome.framework();
            log.info(
                    "Operator import of {} {}: {}",
                    f.slug(),
                    f.version(),
                    outcome.getClass().getSimpleName());
            redirect.addFlashAttribute(
                    "notice", outcome instanceof ImportOutcome.Imported ? "skills.import.done" : "skills.import.same");
            return "redirect:" + SkillPaths.framework(f.ref());
        } catch (PlatformException e) {
            if (!ProblemResponses.wantsHtml(request)) {
                throw e;
            }
            model.addAttribute("error", "skills.import.error.refused");
            model.addAttribute("reason", e.detail());
            response.setStatus(e.problem().status().value());
            return "skills/import";
        }
    }

    private static int pages(int total) {
        return Math.max(1, (total + SkillReads.PAGE_SIZE - 1) / SkillReads.PAGE_SIZE);
    }
}
