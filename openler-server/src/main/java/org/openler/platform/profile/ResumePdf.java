package org.openler.platform.profile;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDListAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.openler.platform.skills.SkillLabels;
import org.openler.platform.web.QrCodes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The resume as a PDF: the same view as the page, in the same order, with each credential's and skill's verification
 * mark in words. The font (Liberation Sans, which PDFBox ships under the SIL Open Font Licence) is embedded as a
 * subset, so accents and ñ print everywhere; a character the font lacks prints as "?" rather than failing. It is a
 * tagged PDF (PDF/UA-1, through {@link TaggedPdf}) so a screen reader reads it in order: the name as H1, each section
 * as H2, experiences, credentials and skills as lists, the QR code as a figure saying what it opens, the verify link
 * as a described link; the rule and page numbers are artifacts.
 */
@Component
class ResumePdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 56;
    private static final float BODY = 10.5f;
    private static final float INDENT = 12;
    private static final String H1 = StandardStructureTypes.H1;
    private static final String H2 = StandardStructureTypes.H2;
    private static final String H3 = StandardStructureTypes.H3;
    private static final String P = StandardStructureTypes.P;
    private static final String L = StandardStructureTypes.L;
    private static final String LI = StandardStructureTypes.LI;
    private static final String LBODY = StandardStructureTypes.L_BODY;
    private static final String LINK = StandardStructureTypes.LINK;
    private static final String FIGURE = StandardStructureTypes.Figure;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final MessageSource messages;
    private final Clock clock;
    private final SkillLabels labels;

    ResumePdf(MessageSource messages, Clock clock, SkillLabels labels) {
        this.messages = messages;
        this.clock = clock;
        this.labels = labels;
    }

    byte[] render(Resume.View resume, Locale locale) {
        return render(resume, Optional.empty(), "", locale);
    }

    /**
     * The resume, with the learner's fit to a target job or occupation when one is chosen, and for each credential
     * how a reader verifies it: the credential's exact JSON is attached to the PDF (a file the reader drops on the
     * platform's verify page, which a QR code opens), so checking it needs no account and no share of the learner's.
     */
    byte[] render(Resume.View resume, Optional<ResumeTargets.Fit> target, String base, Locale locale) {
        try (PDDocument document = new PDDocument();
                InputStream fontBytes = ResumePdf.class.getResourceAsStream(FONT)) {
            if (fontBytes == null) {
                throw new IllegalStateException("PDFBox's bundled font is missing: " + FONT);
            }
            PDType0Font font = PDType0Font.load(document, fontBytes);
            String title = text(locale, "resume.title") + (resume.name().isBlank() ? "" : " — " + resume.name());
            TaggedPdf tagged = new TaggedPdf(document, language(locale), title);
            document.getDocumentInformation().setCreator("OpenLER");
            Writer out = new Writer(document, tagged, font);
            PDStructureElement top = tagged.top();
            out.text(top, H1, resume.name().isBlank() ? text(locale, "resume.title") : resume.name(), 18, 0, "");
            out.rule(3);
            out.space(3);
            out.text(top, P, text(locale, "resume.pdf.generated", DAY.format(clock.instant())), 9, 0, "");
            out.space(12);
            if (target.isPresent()) {
                target(out, top, target.get(), locale);
            }

            out.heading(top, H2, text(locale, "resume.experiences"), 14, 4);
            if (resume.experiences().isEmpty()) {
                out.text(top, P, text(locale, "resume.experiences.none"), BODY, 0, "");
            }
            PDStructureElement experiences = out.list(top, resume.experiences().isEmpty());
            for (Experience e : resume.experiences()) {
                PDStructureElement item = out.item(experiences);
                out.text(item, P, e.title() + " — " + e.organization(), BODY + 1, 0, "");
                out.text(item, P, period(e, locale) + " · " + text(locale, "resume.selfAsserted"), 9, 0, "");
                if (!e.description().isBlank()) {
                    out.text(item, P, e.description(), BODY, 0, "");
                }
                out.space(4);
            }

            out.space(6);
            out.heading(top, H2, text(locale, "resume.credentials"), 14, 4);
            if (resume.credentials().isEmpty()) {
                out.text(top, P, text(locale, "resume.credentials.none"), BODY, 0, "");
            }
            String verify = base.isBlank() ? "" : base + "/verify";
            String verifyLink = verify.isEmpty() ? "" : text(locale, "resume.pdf.verifyLink", verify);
            if (!resume.credentials().isEmpty() && !verify.isEmpty()) {
                out.text(top, P, text(locale, "resume.pdf.verifyHow", verify), 9, 0, verify, verifyLink);
                out.qr(top, verify, 72, text(locale, "resume.pdf.qrAlt", verify));
                out.space(4);
            }
            Map<String, PDComplexFileSpecification> attached = new java.util.LinkedHashMap<>();
            PDStructureElement credentials = out.list(top, resume.credentials().isEmpty());
            int n = 0;
            for (Resume.Shown shown : resume.credentials()) {
                n++;
                String file = "credential-" + n + ".json";
                var c = shown.checked().credential();
                attached.put(file, attachment(document, file, c.name(), shown.document()));
                PDStructureElement item = out.item(credentials);
                out.text(item, P, c.name(), BODY + 1, 0, "");
                String issued = c.validFrom() == null ? "" : " · " + DAY.format(c.validFrom());
                out.text(
                        item,
                        P,
                        c.issuerName() + issued + " · "
                                + text(
                                        locale,
                                        "wallet.state."
                                                + shown.checked().state().name()),
                        9,
                        0,
                        "");
                out.text(item, P, text(locale, "resume.pdf.verifyThis", file, verify), 9, 0, verify, verifyLink);
                out.space(4);
            }

            out.space(6);
            out.heading(top, H2, text(locale, "profile.skills"), 14, 4);
            if (resume.skills().isEmpty()) {
                out.text(top, P, text(locale, "profile.skills.none"), BODY, 0, "");
            }
            PDStructureElement skills = out.list(top, resume.skills().isEmpty());
            for (ProfileSkill skill : resume.skills()) {
                PDStructureElement item = out.item(skills);
                out.text(item, P, labels.label(skill.competencyUri(), skill.label(), locale), BODY + 1, 0, "");
                List<String> sources = sources(skill, locale);
                PDStructureElement marks = out.list(item, sources.isEmpty());
                for (String source : sources) {
                    out.text(out.item(marks), P, source, 9, INDENT, "");
                }
                out.space(3);
            }
            out.close();
            if (!attached.isEmpty()) {
                PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
                files.setNames(attached);
                PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
                names.setEmbeddedFiles(files);
                document.getDocumentCatalog().setNames(names);
            }
            tagged.finish(title, "OpenLER");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The resume PDF could not be written", e);
        }
    }

    /** The document's language: the page's (en or es), never empty, since PDF/UA needs one. */
    private static Locale language(Locale locale) {
        return locale.getLanguage().isEmpty() ? Locale.ENGLISH : Locale.of(locale.getLanguage());
    }

    /** The target: its match %, what meets it (and through which credential), the gaps, the training plan. */
    private void target(Writer out, PDStructureElement top, ResumeTargets.Fit fit, Locale locale) throws IOException {
        out.heading(top, H2, text(locale, "resume.target.pdf", fit.title(), fit.by(), fit.score()), 14, 4);
        out.text(top, H3, text(locale, "resume.target.met"), BODY + 1, 0, "");
        if (fit.met().isEmpty()) {
            out.text(top, P, text(locale, "resume.target.metNone"), 9, INDENT, "");
        }
        PDStructureElement met = out.list(top, fit.met().isEmpty());
        for (ResumeTargets.Met m : fit.met()) {
            out.text(
                    out.item(met),
                    P,
                    m.verified()
                            ? text(locale, "resume.target.metBy", m.skill(), m.credential(), m.issuer())
                            : text(locale, "resume.target.metSelf", m.skill()),
                    9,
                    INDENT,
                    "");
        }
        out.space(3);
        out.text(top, H3, text(locale, "resume.target.gaps"), BODY + 1, 0, "");
        if (fit.gaps().isEmpty()) {
            out.text(top, P, text(locale, "resume.target.gapsNone"), 9, INDENT, "");
        }
        PDStructureElement gaps = out.list(top, fit.gaps().isEmpty());
        for (ResumeTargets.Gap gap : fit.gaps()) {
            out.text(
                    out.item(gaps),
                    P,
                    text(locale, "resume.target.gap", gap.skill(), gap.coveredPercent()),
                    9,
                    INDENT,
                    "");
        }
        if (!fit.plan().isEmpty()) {
            out.space(3);
            out.text(top, H3, text(locale, "resume.target.plan"), BODY + 1, 0, "");
            PDStructureElement plan = out.list(top, false);
            for (ResumeTargets.Step step : fit.plan()) {
                out.text(
                        out.item(plan),
                        P,
                        text(locale, "resume.target.step", step.name(), step.provider(), step.closes()),
                        9,
                        INDENT,
                        "");
            }
        }
        out.space(10);
    }

    private static PDComplexFileSpecification attachment(
            PDDocument document, String name, String description, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        PDEmbeddedFile embedded = new PDEmbeddedFile(document, new ByteArrayInputStream(bytes));
        embedded.setSubtype("application/json");
        embedded.setSize(bytes.length);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(name);
        spec.setFileUnicode(name);
        spec.setEmbeddedFile(embedded);
        spec.setEmbeddedFileUnicode(embedded);
        spec.setFileDescription(description);
        return spec;
    }

    private List<String> sources(ProfileSkill skill, Locale locale) {
        List<String> lines = new ArrayList<>();
        for (Provenance source : skill.sources()) {
            lines.add(
                    switch (source) {
                        case Provenance.Verified v ->
                            text(locale, "profile.source.verified", v.credentialName(), v.issuer());
                        case Provenance.Endorsed e -> text(locale, "profile.source.endorsed", e.endorser());
                        case Provenance.SelfAsserted s -> text(locale, "profile.source.selfAsserted");
                    });
        }
        return lines;
    }

    private String period(Experience e, Locale locale) {
        String start = e.start() == null ? "?" : e.start().toString();
        String end = e.end() == null ? text(locale, "resume.present") : e.end().toString();
        return e.start() == null && e.end() == null ? "" : start + " – " + end;
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /**
     * Lines down the page, a new page when one is full; words wrapped to the width. Each row of text is marked content
     * of its structure element, a link's text is split out into a Link element beside its annotation, and the rule and
     * page numbers are artifacts, so nothing on a page is outside the structure tree or the artifacts.
     */
    private static final class Writer {

        private final PDDocument document;
        private final TaggedPdf tagged;
        private final PDType0Font font;
        private final Map<Integer, Boolean> glyphs = new HashMap<>();
        private final List<PDPage> pages = new ArrayList<>();
        private PDPage page;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document, TaggedPdf tagged, PDType0Font font) throws IOException {
            this.document = document;
            this.tagged = tagged;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            page = tagged.page(PDRectangle.A4);
            pages.add(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void heading(PDStructureElement parent, String type, String text, float size, float after) throws IOException {
            text(parent, type, text, size, 0, "");
            space(after);
        }

        void space(float points) {
            y -= points;
        }

        /** A list under {@code parent}, or none when it would have no items (an empty L is not a list). */
        PDStructureElement list(PDStructureElement parent, boolean empty) {
            if (empty) {
                return parent;
            }
            PDStructureElement list = tagged.add(parent, L);
            PDListAttributeObject numbering = new PDListAttributeObject();
            numbering.setListNumbering(PDListAttributeObject.LIST_NUMBERING_NONE);
            list.addAttribute(numbering);
            return list;
        }

        /** A list item's body, where its paragraphs go. */
        PDStructureElement item(PDStructureElement list) {
            return tagged.add(tagged.add(list, LI), LBODY);
        }

        void text(PDStructureElement parent, String type, String text, float size, float indent, String link)
                throws IOException {
            text(parent, type, text, size, indent, link, link);
        }

        /**
         * A paragraph or heading of {@code type} under {@code parent}, wrapped; where a row shows {@code link}, that
         * part is a Link element with a URI annotation over it, described to assistive technology as {@code
         * description}.
         */
        void text(
                PDStructureElement parent,
                String type,
                String text,
                float size,
                float indent,
                String link,
                String description)
                throws IOException {
            String printable = printable(text);
            if (printable.isBlank()) {
                return;
            }
            PDStructureElement element = tagged.add(parent, type);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
            String shownLink = link.isEmpty() ? "" : printable(link);
            for (String part : printable.split("\n")) {
                for (String row : wrap(part, size, width)) {
                    if (y - size < MARGIN) {
                        newPage();
                    }
                    y -= size * 1.3f;
                    row(element, row, size, MARGIN + indent, shownLink, link, description);
                }
            }
        }

        private void row(
                PDStructureElement element,
                String row,
                float size,
                float x,
                String shownLink,
                String link,
                String description)
                throws IOException {
            int at = shownLink.isEmpty() ? -1 : row.indexOf(shownLink);
            if (at < 0) {
                show(element, row, size, x);
                return;
            }
            String before = row.substring(0, at);
            show(element, before, size, x);
            float left = x + width(before, size);
            float wide = width(shownLink, size);
            PDStructureElement linked = tagged.add(element, LINK);
            show(linked, shownLink, size, left);
            PDAnnotationLink annotation = new PDAnnotationLink();
            annotation.setRectangle(new PDRectangle(left, y - size * 0.25f, wide, size * 1.2f));
            PDBorderStyleDictionary border = new PDBorderStyleDictionary();
            border.setWidth(0);
            annotation.setBorderStyle(border);
            PDActionURI uri = new PDActionURI();
            uri.setURI(link);
            annotation.setAction(uri);
            annotation.setContents(description);
            annotation.setPrinted(true);
            tagged.link(linked, page, annotation);
            row(element, row.substring(at + shownLink.length()), size, left + wide, shownLink, link, description);
        }

        private void show(PDStructureElement element, String text, float size, float x) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            tagged.marked(stream, page, element, () -> {
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(x, y);
                stream.showText(text);
                stream.endText();
            });
        }

        private float width(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /** A thin rule across the text width below the last row: decoration, so an artifact. */
        void rule(float below) throws IOException {
            float at = y - below;
            tagged.artifact(stream, () -> {
                stream.setLineWidth(0.5f);
                stream.moveTo(MARGIN, at);
                stream.lineTo(PDRectangle.A4.getWidth() - MARGIN, at);
                stream.stroke();
            });
            y = at;
        }

        private List<String> wrap(String text, float size, float width) throws IOException {
            List<String> rows = new ArrayList<>();
            StringBuilder row = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = row.isEmpty() ? word : row + " " + word;
                if (width(candidate, size) <= width || row.isEmpty()) {
                    row.setLength(0);
                    row.append(candidate);
                } else {
                    // the space the row breaks at is kept (invisible at its end), so text read from the structure
                    // does not run the last word of a row into the first of the next
                    rows.add(row + " ");
                    row.setLength(0);
                    row.append(word);
                }
            }
            rows.add(row.toString());
            return rows;
        }

        /** Tabs and control characters out; characters the font cannot draw as "?". */
        private String printable(String text) {
            StringBuilder out = new StringBuilder();
            text.replace("\r\n", "\n").replace('\t', ' ').codePoints().forEach(cp -> {
                if (cp == '\n') {
                    out.append('\n');
                } else if (Character.isISOControl(cp)) {
                    out.append(' ');
                } else {
                    out.append(glyphs.computeIfAbsent(cp, this::drawable) ? Character.toString(cp) : "?");
                }
            });
            return out.toString();
        }

        private boolean drawable(int codePoint) {
            try {
                font.encode(Character.toString(codePoint));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        /**
         * A QR code for the link, {@code size} points square, at the left margin: a Figure whose replacement text
         * says what it opens, since its squares mean nothing to a screen reader.
         */
        void qr(PDStructureElement parent, String link, float size, String alt) throws IOException {
            BitMatrix matrix = QrCodes.matrix(link, 2);
            if (y - size < MARGIN) {
                newPage();
            }
            float module = size / matrix.getWidth();
            float top = y;
            PDStructureElement figure = tagged.add(parent, FIGURE);
            tagged.figure(figure, alt, new PDRectangle(MARGIN, top - size, size, size));
            tagged.marked(stream, page, figure, () -> {
                for (int row = 0; row < matrix.getHeight(); row++) {
                    for (int col = 0; col < matrix.getWidth(); col++) {
                        if (matrix.get(col, row)) {
                            stream.addRect(MARGIN + col * module, top - (row + 1) * module, module, module);
                        }
                    }
                }
                stream.fill();
            });
            y -= size;
        }

        /** Closes the last page, then numbers every page ("2 / 3") at its foot, as pagination artifacts. */
        void close() throws IOException {
            stream.close();
            for (int i = 0; i < pages.size(); i++) {
                String number = (i + 1) + " / " + pages.size();
                float x = PDRectangle.A4.getWidth() - MARGIN - width(number, 8);
                try (PDPageContentStream foot =
                        new PDPageContentStream(document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true)) {
                    tagged.artifact(foot, () -> {
                        foot.beginText();
                        foot.setFont(font, 8);
                        foot.newLineAtOffset(x, MARGIN / 2);
                        foot.showText(number);
                        foot.endText();
                    });
                }
            }
        }
    }
}
