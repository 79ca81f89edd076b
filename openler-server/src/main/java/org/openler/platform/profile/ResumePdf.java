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
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.openler.platform.skills.SkillLabels;
import org.openler.platform.web.QrCodes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The resume as a PDF: the same view as the page, in the same order, with each credential's and skill's verification
 * mark in words. The font (Liberation Sans, which PDFBox ships under the SIL Open Font Licence) is embedded as a
 * subset, so accents and ñ print everywhere; a character the font lacks prints as "?" rather than failing.
 */
@Component
class ResumePdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 56;
    private static final float BODY = 10.5f;
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
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(text(locale, "resume.title") + (resume.name().isBlank() ? "" : " — " + resume.name()));
            info.setCreator("OpenLER");
            Writer out = new Writer(document, font);
            out.line(resume.name().isBlank() ? text(locale, "resume.title") : resume.name(), 18, 6);
            out.line(text(locale, "resume.pdf.generated", DAY.format(clock.instant())), 9, 12);
            if (target.isPresent()) {
                target(out, target.get(), locale);
            }

            out.line(text(locale, "resume.experiences"), 14, 4);
            if (resume.experiences().isEmpty()) {
                out.paragraph(text(locale, "resume.experiences.none"), BODY);
            }
            for (Experience e : resume.experiences()) {
                out.paragraph(e.title() + " — " + e.organization(), BODY + 1);
                out.paragraph(period(e, locale) + " · " + text(locale, "resume.selfAsserted"), 9);
                if (!e.description().isBlank()) {
                    out.paragraph(e.description(), BODY);
                }
                out.space(4);
            }

            out.space(6);
            out.line(text(locale, "resume.credentials"), 14, 4);
            if (resume.credentials().isEmpty()) {
                out.paragraph(text(locale, "resume.credentials.none"), BODY);
            }
            String verify = base.isBlank() ? "" : base + "/verify";
            if (!resume.credentials().isEmpty() && !verify.isEmpty()) {
                out.paragraph(text(locale, "resume.pdf.verifyHow", verify), 9);
                out.qr(verify, 72);
                out.space(4);
            }
            Map<String, PDComplexFileSpecification> attached = new java.util.LinkedHashMap<>();
            int n = 0;
            for (Resume.Shown shown : resume.credentials()) {
                n++;
                String file = "credential-" + n + ".json";
                attached.put(file, attachment(document, file, shown.document()));
                var c = shown.checked().credential();
                out.paragraph(c.name(), BODY + 1);
                String issued = c.validFrom() == null ? "" : " · " + DAY.format(c.validFrom());
                out.paragraph(
                        c.issuerName() + issued + " · "
                                + text(
                                        locale,
                                        "wallet.state."
                                                + shown.checked().state().name()),
                        9);
                out.paragraph(text(locale, "resume.pdf.verifyThis", file, verify), 9);
                out.space(4);
            }

            out.space(6);
            out.line(text(locale, "profile.skills"), 14, 4);
            if (resume.skills().isEmpty()) {
                out.paragraph(text(locale, "profile.skills.none"), BODY);
            }
            for (ProfileSkill skill : resume.skills()) {
                out.paragraph(labels.label(skill.competencyUri(), skill.label(), locale), BODY + 1);
                for (String source : sources(skill, locale)) {
                    out.paragraph("  " + source, 9);
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
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The resume PDF could not be written", e);
        }
    }

    /** The target: its match %, what meets it (and through which credential), the gaps, the training plan. */
    private void target(Writer out, ResumeTargets.Fit fit, Locale locale) throws IOException {
        out.line(text(locale, "resume.target.pdf", fit.title(), fit.by(), fit.score()), 14, 4);
        out.paragraph(text(locale, "resume.target.met"), BODY + 1);
        if (fit.met().isEmpty()) {
            out.paragraph("  " + text(locale, "resume.target.metNone"), 9);
        }
        for (ResumeTargets.Met met : fit.met()) {
            out.paragraph(
                    "  "
                            + (met.verified()
                                    ? text(locale, "resume.target.metBy", met.skill(), met.credential(), met.issuer())
                                    : text(locale, "resume.target.metSelf", met.skill())),
                    9);
        }
        out.space(3);
        out.paragraph(text(locale, "resume.target.gaps"), BODY + 1);
        if (fit.gaps().isEmpty()) {
            out.paragraph("  " + text(locale, "resume.target.gapsNone"), 9);
        }
        for (ResumeTargets.Gap gap : fit.gaps()) {
            out.paragraph("  " + text(locale, "resume.target.gap", gap.skill(), gap.coveredPercent()), 9);
        }
        if (!fit.plan().isEmpty()) {
            out.space(3);
            out.paragraph(text(locale, "resume.target.plan"), BODY + 1);
            for (ResumeTargets.Step step : fit.plan()) {
                out.paragraph(
                        "  " + text(locale, "resume.target.step", step.name(), step.provider(), step.closes()), 9);
            }
        }
        out.space(10);
    }

    private static PDComplexFileSpecification attachment(PDDocument document, String name, String json)
            throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        PDEmbeddedFile embedded = new PDEmbeddedFile(document, new ByteArrayInputStream(bytes));
        embedded.setSubtype("application/json");
        embedded.setSize(bytes.length);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(name);
        spec.setFileUnicode(name);
        spec.setEmbeddedFile(embedded);
        spec.setEmbeddedFileUnicode(embedded);
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

    /** Lines down the page, a new page when one is full; words wrapped to the width. */
    private static final class Writer {

        private final PDDocument document;
        private final PDType0Font font;
        private final Map<Integer, Boolean> glyphs = new HashMap<>();
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document, PDType0Font font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void line(String text, float size, float after) throws IOException {
            paragraph(text, size);
            space(after);
        }

        void space(float points) {
            y -= points;
        }

        void paragraph(String text, float size) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            for (String part : printable(text).split("\n")) {
                for (String row : wrap(part, size, width)) {
                    if (y - size < MARGIN) {
                        newPage();
                    }
                    y -= size * 1.3f;
                    stream.beginText();
                    stream.setFont(font, size);
                    stream.newLineAtOffset(MARGIN, y);
                    stream.showText(row);
                    stream.endText();
                }
            }
        }

        private List<String> wrap(String text, float size, float width) throws IOException {
            List<String> rows = new ArrayList<>();
            StringBuilder row = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = row.isEmpty() ? word : row + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size <= width || row.isEmpty()) {
                    row.setLength(0);
                    row.append(candidate);
                } else {
                    rows.add(row.toString());
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

        /** A QR code for the link, {@code size} points square, at the left margin. */
        void qr(String link, float size) throws IOException {
            BitMatrix matrix = QrCodes.matrix(link, 2);
            if (y - size < MARGIN) {
                newPage();
            }
            float module = size / matrix.getWidth();
            float top = y;
            for (int row = 0; row < matrix.getHeight(); row++) {
                for (int col = 0; col < matrix.getWidth(); col++) {
                    if (matrix.get(col, row)) {
                        stream.addRect(MARGIN + col * module, top - (row + 1) * module, module, module);
                    }
                }
            }
            stream.fill();
            y -= size;
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
