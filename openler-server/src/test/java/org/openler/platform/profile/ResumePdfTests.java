package org.openler.platform.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDLayoutAttributeObject;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openler.platform.skills.SkillLabels;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.StatusCheck;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.w3c.dom.Document;

/**
 * The resume PDF is a tagged, accessible PDF in the sense of PDF/UA-1 (ISO 14289-1), checked by reading it back with
 * PDFBox (veraPDF, the reference validator, is not served by the registry this project builds from): marked and in the
 * page's language, its title shown and claimed in XMP with pdfuaid:part 1, every drawn thing either marked content of
 * a structure element or an artifact, the structure in reading order with headings and lists, the QR code a Figure
 * with replacement text, and each link annotation described and in a Link element. No database: the view is built
 * here and the messages are the application's own bundles.
 */
class ResumePdfTests {

    private static final String BASE = "https://ler.example.org";
    private static final String VERIFY = BASE + "/verify";
    private static final Set<String> SHOW_TEXT = Set.of("Tj", "TJ", "'", "\"");
    private static final Set<String> PAINT =
            Set.of("f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh", "Do", "BI", "EI");
    private static final Set<String> STANDARD_14 = Set.of(
            "Times-Roman",
            "Times-Bold",
            "Times-Italic",
            "Times-BoldItalic",
            "Helvetica",
            "Helvetica-Bold",
            "Helvetica-Oblique",
            "Helvetica-BoldOblique",
            "Courier",
            "Courier-Bold",
            "Courier-Oblique",
            "Courier-BoldOblique",
            "Symbol",
            "ZapfDingbats");

    private final ResumePdf pdf = new ResumePdf(
            messages(), Clock.fixed(Instant.parse("2026-12-07T05:00:00Z"), ZoneOffset.UTC), new SkillLabels());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static Resume.Shown credential(String name, String issuer, StatusCheck.State state) {
        UUID id = UUID.randomUUID();
        HeldCredential held = new HeldCredential(
                id,
                HeldCredential.Source.CLAIMED,
                HeldCredential.Format.DATA_INTEGRITY,
                name,
                issuer,
                "did:web:" + issuer.toLowerCase(Locale.ROOT).replace(' ', '-'),
                Instant.parse("2025-06-01T00:00:00Z"),
                null,
                null,
                false,
                0,
                Instant.parse("2025-06-02T00:00:00Z"));
        return new Resume.Shown(
                new StatusCheck.Checked(held, state, "", List.of()),
                "{\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"name\":\"" + name + "\"}");
    }

    /** Three credentials, an experience with accents, and enough skills that the resume runs onto a second page. */
    private static Resume.View resume(String name) {
        List<ProfileSkill> skills = new ArrayList<>();
        skills.add(new ProfileSkill(
                URI.create("http://data.europa.eu/esco/skill/welding"),
                "use welding equipment",
                List.of(new Provenance.Verified(
                        UUID.randomUUID(), "Welding and Rigging", "Harbour Technical College"))));
        skills.add(new ProfileSkill(
                null,
                "knot tying for boats",
                List.of(new Provenance.SelfAsserted(
                        UUID.randomUUID(), "knot tying for boats", null, "Ten years.", null))));
        IntStream.rangeClosed(1, 30)
                .forEach(i -> skills.add(new ProfileSkill(
                        null,
                        "marine skill " + i,
                        List.of(
                                new Provenance.Verified(UUID.randomUUID(), "Marine Biology 101", "Ocean Academy"),
                                new Provenance.Endorsed(UUID.randomUUID(), "Capitana Núñez", "Sí")))));
        return new Resume.View(
                name,
                List.of(new Experience(
                        UUID.randomUUID(),
                        Experience.Kind.WORK,
                        "Soldador de estructuras",
                        "Fundación Técnica Añil",
                        LocalDate.of(2023, 2, 1),
                        null,
                        "Soldadura MIG y TIG en acero y aluminio; señalización de grúas.")),
                List.of(
                        credential("Marine Biology 101", "Ocean Academy", StatusCheck.State.VERIFIED),
                        credential("Welding and Rigging", "Harbour Technical College", StatusCheck.State.VERIFIED),
                        credential("Crane Signalling", "Port Authority Training", StatusCheck.State.EXPIRED)),
                skills);
    }

    private static Optional<ResumeTargets.Fit> target() {
        return Optional.of(new ResumeTargets.Fit(
                "job:1",
                "Welder, night shift",
                "Harbour Fabrication",
                67,
                List.of(new ResumeTargets.Met(
                        "use welding equipment", "Welding and Rigging", "Harbour Technical College", true)),
                List.of(new ResumeTargets.Gap("read blueprints", true, 20)),
                List.of(new ResumeTargets.Step("Blueprint Reading", "Harbour Technical College", 1))));
    }

    /** Rendered once per language: the tests only read it. */
    private static final Map<Locale, byte[]> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    private byte[] render(Locale locale) {
        return RENDERED.computeIfAbsent(locale, l -> pdf.render(resume("María José Núñez"), target(), BASE, l));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void theCatalogSaysTaggedInThePagesLanguageWithItsTitleShownAndPdfUaClaimedInXmp(String language) throws Exception {
        try (PDDocument document = Loader.loadPDF(render(Locale.of(language)))) {
            var catalog = document.getDocumentCatalog();
            String title =
                    (language.equals("es") ? "Mi currículum verificado" : "My verified resume") + " — María José Núñez";

            assertThat(catalog.getMarkInfo()).isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo(language);
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(title);
            Document xmp = xmp(document);
            assertThat(xmp.getElementsByTagNameNS("http://www.aiim.org/pdfua/ns/id/", "part")
                            .item(0)
                            .getTextContent())
                    .isEqualTo("1");
            assertThat(xmp.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "title")
                            .item(0)
                            .getTextContent()
                            .strip())
                    .isEqualTo(title);

            PDStructureTreeRoot root = catalog.getStructureTreeRoot();
            assertThat(root).isNotNull();
            assertThat(root.getParentTree()).isNotNull();
            assertThat(root.getParentTreeNextKey()).isPositive();
            assertThat(document.getNumberOfPages())
                    .as("the skills run onto a second page")
                    .isGreaterThan(1);
            for (PDPage page : document.getPages()) {
                assertThat(page.getCOSObject().getNameAsString(COSName.getPDFName("Tabs")))
                        .isEqualTo("S");
                assertThat(page.getStructParents()).isLessThan(root.getParentTreeNextKey());
            }
        }
    }

    @Test
    void aNameWithMarkupCharactersStillGivesWellFormedXmpWithTheExactTitle() throws Exception {
        byte[] bytes = pdf.render(resume("Ana <Bea> & \"Co\""), Optional.empty(), BASE, Locale.ENGLISH);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(xmp(document)
                            .getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "title")
                            .item(0)
                            .getTextContent()
                            .strip())
                    .isEqualTo("My verified resume — Ana <Bea> & \"Co\"");
        }
    }

    @Test
    void nothingIsDrawnOutsideMarkedContentWithAnMcidOrAnArtifact() throws Exception {
        try (PDDocument document = Loader.loadPDF(render(Locale.ENGLISH))) {
            int shown = 0;
            int artifacts = 0;
            for (PDPage page : document.getPages()) {
                Deque<String> open = new ArrayDeque<>();
                List<Object> operands = new ArrayList<>();
                Set<Integer> mcids = new java.util.HashSet<>();
                for (Object token : new PDFStreamParser(page).parse()) {
                    if (!(token instanceof Operator operator)) {
                        operands.add(token);
                        continue;
                    }
                    String name = operator.getName();
                    switch (name) {
                        case "BMC" -> open.push(((COSName) operands.get(0)).getName());
                        case "BDC" -> {
                            String tag = ((COSName) operands.get(0)).getName();
                            if (operands.get(1) instanceof COSDictionary properties
                                    && properties.containsKey(COSName.MCID)) {
                                int mcid = properties.getInt(COSName.MCID);
                                assertThat(mcids.add(mcid))
                                        .as("MCID %d once per page", mcid)
                                        .isTrue();
                                open.push("MCID");
                            } else {
                                open.push(tag);
                            }
                        }
                        case "EMC" -> open.pop();
                        default -> {
                            if (SHOW_TEXT.contains(name) || PAINT.contains(name)) {
                                assertThat(open)
                                        .as(
                                                "%s on page %d is tagged or an artifact",
                                                name, document.getPages().indexOf(page))
                                        .containsAnyOf("MCID", "Artifact");
                                if (SHOW_TEXT.contains(name)) {
                                    shown++;
                                    artifacts += open.contains("Artifact") ? 1 : 0;
                                }
                            }
                        }
                    }
                    operands.clear();
                }
                assertThat(open).as("every sequence closed").isEmpty();
            }
            assertThat(shown).isGreaterThan(50);
            assertThat(artifacts).as("the page numbers").isEqualTo(document.getNumberOfPages());
        }
    }

    @Test
    void theStructureTreeReadsTheResumeInOrderWithHeadingsListsAndEveryCredentialAndIssuer() throws Exception {
        try (PDDocument document = Loader.loadPDF(render(Locale.ENGLISH))) {
            Map<PDPage, Map<Integer, String>> content = markedText(document);
            List<Tagged> tree = new ArrayList<>();
            PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
            assertThat(root.getKids()).hasSize(1);
            PDStructureElement top = (PDStructureElement) root.getKids().get(0);
            assertThat(top.getStructureType()).isEqualTo("Document");
            walk(top, null, content, tree, "");

            assertThat(texts(tree, "H1")).containsExactly("María José Núñez");
            assertThat(texts(tree, "H2"))
                    .containsExactly(
                            "Target: Welder, night shift (Harbour Fabrication) — 67 % match",
                            "Experience", "Credentials", "Skills");
            assertThat(texts(tree, "H3"))
                    .containsExactly("Skills that meet it", "Gaps, most important first", "Training that closes them");
            String reading = String.join("\n", tree.stream().map(Tagged::text).toList());
            assertThat(reading)
                    .contains("Soldador de estructuras — Fundación Técnica Añil", "señalización de grúas")
                    .contains("Marine Biology 101", "Ocean Academy")
                    .contains("Welding and Rigging", "Harbour Technical College")
                    .contains("Crane Signalling", "Port Authority Training", "Expired")
                    .contains("marine skill 30", "Endorsed by Capitana Núñez");
            assertThat(reading.indexOf("Marine Biology 101\n")).isLessThan(reading.indexOf("Crane Signalling"));
            assertThat(reading.indexOf("Credentials")).isLessThan(reading.indexOf("Crane Signalling"));
            assertThat(reading.indexOf("Crane Signalling")).isLessThan(reading.indexOf("marine skill 1\n"));
            assertThat(reading.indexOf("marine skill 29")).isLessThan(reading.indexOf("marine skill 30"));

            List<Tagged> credentials = tree.stream()
                    .filter(t -> t.path().equals("/Document/L/LI/LBody/P"))
                    .filter(t -> t.text().equals("Marine Biology 101")
                            || t.text().equals("Welding and Rigging")
                            || t.text().equals("Crane Signalling"))
                    .toList();
            assertThat(credentials)
                    .extracting(Tagged::text)
                    .containsExactly("Marine Biology 101", "Welding and Rigging", "Crane Signalling");
            assertThat(tree)
                    .filteredOn(t -> t.text().equals("Endorsed by Capitana Núñez"))
                    .allSatisfy(t -> assertThat(t.path()).endsWith("/L/LI/LBody/L/LI/LBody/P"));
            assertThat(content.values().stream()
                            .flatMap(m -> m.keySet().stream())
                            .count())
                    .as("every MCID on the pages is reached from the tree")
                    .isEqualTo(tree.stream().mapToLong(Tagged::pieces).sum());
        }
    }

    @Test
    void theParentTreeMapsEveryMcidOfEveryPageBackToTheElementThatHoldsIt() throws Exception {
        try (PDDocument document = Loader.loadPDF(render(Locale.ENGLISH))) {
            Map<Integer, COSBase> parents = parentTree(document);
            Map<PDPage, Map<Integer, String>> content = markedText(document);
            PDStructureElement top = (PDStructureElement) document.getDocumentCatalog()
                    .getStructureTreeRoot()
                    .getKids()
                    .get(0);
            Map<String, COSDictionary> owners = new HashMap<>();
            owners(top, null, owners, document);
            for (PDPage page : document.getPages()) {
                COSArray elements = (COSArray) parents.get(page.getStructParents());
                assertThat(elements)
                        .as("page %d in the parent tree", document.getPages().indexOf(page))
                        .isNotNull();
                assertThat(elements.size()).isEqualTo(content.get(page).size());
                for (int mcid = 0; mcid < elements.size(); mcid++) {
                    assertThat(elements.getObject(mcid))
                            .isSameAs(owners.get(document.getPages().indexOf(page) + ":" + mcid));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void theQrCodeIsAFigureWithReplacementTextSayingWhatItOpensAndABoundingBox(String language) throws Exception {
        try (PDDocument document = Loader.loadPDF(render(Locale.of(language)))) {
            List<PDStructureElement> figures = new ArrayList<>();
            elements(document.getDocumentCatalog().getStructureTreeRoot(), "Figure", figures);

            assertThat(figures).hasSize(1);
            PDStructureElement figure = figures.get(0);
            assertThat(figure.getAlternateDescription())
                    .isEqualTo(
                            language.equals("es")
                                    ? "Código QR: abre la página de verificación de la plataforma, " + VERIFY
                                    : "QR code: opens the platform's verify page, " + VERIFY);
            PDAttributeObject layout = figure.getAttributes().getObject(0);
            assertThat(layout).isInstanceOf(PDLayoutAttributeObject.class);
            var box = ((PDLayoutAttributeObject) layout).getBBox();
            assertThat(box.getWidth()).isEqualTo(72f);
            assertThat(box.getHeight()).isEqualTo(72f);
            assertThat(figure.getKids())
                    .as("the QR code's squares are its marked content")
                    .hasSize(1);
        }
    }

    @Test
    void everyLinkAnnotationIsDescribedAndSitsInALinkElementWithTheLinkText() throws Exception {
        try (PDDocument document = Loader.loadPDF(render(Locale.ENGLISH))) {
            Map<Integer, COSBase> parents = parentTree(document);
            Map<PDPage, Map<Integer, String>> content = markedText(document);
            int links = 0;
            for (PDPage page : document.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    assertThat(annotation).isInstanceOf(PDAnnotationLink.class);
                    links++;
                    PDAnnotationLink link = (PDAnnotationLink) annotation;
                    assertThat(((PDActionURI) link.getAction()).getURI()).isEqualTo(VERIFY);
                    assertThat(link.getContents()).isEqualTo("The platform's verify page, " + VERIFY);
                    COSBase parent = parents.get(link.getStructParent());
                    assertThat(parent).isInstanceOf(COSDictionary.class);
                    PDStructureElement element = new PDStructureElement((COSDictionary) parent);
                    assertThat(element.getStructureType()).isEqualTo("Link");
                    List<Object> kids = element.getKids();
                    assertThat(kids)
                            .filteredOn(PDObjectReference.class::isInstance)
                            .singleElement()
                            .satisfies(r -> assertThat(((PDObjectReference) r)
                                            .getCOSObject()
                                            .getDictionaryObject(COSName.OBJ))
                                    .isSameAs(link.getCOSObject()));
                    assertThat(kids)
                            .filteredOn(Integer.class::isInstance)
                            .singleElement()
                            .satisfies(mcid -> assertThat(
                                            content.get(element.getPage()).get((Integer) mcid))
                                    .isEqualTo(VERIFY));
                }
            }
            assertThat(links)
                    .as("the how-to line and each of the three credentials")
                    .isEqualTo(4);
        }
    }

    @Test
    void everyFontIsEmbeddedAndNoneIsAStandard14Font() throws Exception {
        try (PDDocument document = Loader.loadPDF(render(Locale.of("es")))) {
            int fonts = 0;
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts++;
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(((PDType0Font) font).getDescendantFont().isEmbedded())
                            .isTrue();
                    assertThat(STANDARD_14).doesNotContain(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
                }
            }
            assertThat(fonts).isPositive();
        }
    }

    @Test
    void theTaggedPdfKeepsTheVerificationLinkQrCodeAttachedCredentialsAndTheVisibleText() throws Exception {
        try (PDDocument document = Loader.loadPDF(render(Locale.ENGLISH))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("To verify a credential: open " + VERIFY)
                    .contains("Verify: attached file credential-3.json, at " + VERIFY)
                    .contains(
                            "use welding equipment — verified by \"Welding and Rigging\" from Harbour Technical College");
            var files =
                    document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            assertThat(files).containsOnlyKeys("credential-1.json", "credential-2.json", "credential-3.json");
            assertThat(files.get("credential-1.json").getFileUnicode()).isEqualTo("credential-1.json");
            assertThat(files.get("credential-1.json").getFileDescription()).isEqualTo("Marine Biology 101");
            assertThat(new String(
                            files.get("credential-2.json").getEmbeddedFile().toByteArray()))
                    .contains("\"name\":\"Welding and Rigging\"");
        }
    }

    @Test
    void aParagraphThatRunsOntoTheNextPageIsOneElementWhoseTextReadsWholeAcrossTheBreak() throws Exception {
        String description = IntStream.rangeClosed(1, 900)
                .mapToObj(i -> i % 10 == 0 ? "señal" + i + "." : "acero" + i)
                .collect(java.util.stream.Collectors.joining(" "));
        Resume.View view = new Resume.View(
                "Ana",
                List.of(new Experience(
                        UUID.randomUUID(), Experience.Kind.WORK, "Soldadora", "Añil", null, null, description)),
                List.of(),
                List.of());

        try (PDDocument document = Loader.loadPDF(pdf.render(view, Optional.empty(), "", Locale.of("es")))) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            Map<PDPage, Map<Integer, String>> content = markedText(document);
            List<Tagged> tree = new ArrayList<>();
            PDStructureElement top = (PDStructureElement) document.getDocumentCatalog()
                    .getStructureTreeRoot()
                    .getKids()
                    .get(0);
            walk(top, null, content, tree, "");

            assertThat(tree).filteredOn(t -> t.text().equals(description)).singleElement();
            List<PDStructureElement> paragraphs = new ArrayList<>();
            elements(top, "P", paragraphs);
            PDStructureElement long_ = paragraphs.stream()
                    .filter(p -> p.getKids().size() > 20)
                    .findFirst()
                    .orElseThrow();
            assertThat(long_.getKids())
                    .as("the rows on the next page name their page")
                    .anySatisfy(kid -> assertThat(kid)
                            .isInstanceOfSatisfying(
                                    PDMarkedContentReference.class,
                                    r -> assertThat(r.getPage()).isNotEqualTo(long_.getPage())));
            Map<Integer, COSBase> parents = parentTree(document);
            PDPage second = document.getPage(1);
            assertThat(((COSArray) parents.get(second.getStructParents())).getObject(0))
                    .isSameAs(long_.getCOSObject());
        }
    }

    /** An element's own marked content (text, joined) and where it sits: "/Document/L/LI/LBody/P". */
    private record Tagged(String type, String path, String text, long pieces) {}

    private static List<String> texts(List<Tagged> tree, String type) {
        return tree.stream()
                .filter(t -> t.type().equals(type))
                .map(Tagged::text)
                .toList();
    }

    private static void walk(
            PDStructureElement element,
            PDPage inherited,
            Map<PDPage, Map<Integer, String>> content,
            List<Tagged> out,
            String path) {
        PDPage page = element.getPage() == null ? inherited : element.getPage();
        String here = path + "/" + element.getStructureType();
        StringBuilder text = new StringBuilder();
        int index = out.size();
        long pieces = 0;
        for (Object kid : element.getKids()) {
            switch (kid) {
                case Integer mcid -> {
                    text.append(content.get(page).get(mcid));
                    pieces++;
                }
                case PDMarkedContentReference reference -> {
                    text.append(content.get(reference.getPage()).get(reference.getMCID()));
                    pieces++;
                }
                case PDStructureElement child -> {
                    // a Link inside a paragraph reads as part of the paragraph's text
                    if (child.getStructureType().equals("Link")) {
                        text.append(ownText(child, page, content));
                    }
                    walk(child, page, content, out, here);
                }
                default -> {}
            }
        }
        out.add(index, new Tagged(element.getStructureType(), here, text.toString(), pieces));
    }

    private static String ownText(
            PDStructureElement link, PDPage inherited, Map<PDPage, Map<Integer, String>> content) {
        PDPage page = link.getPage() == null ? inherited : link.getPage();
        StringBuilder text = new StringBuilder();
        for (Object kid : link.getKids()) {
            if (kid instanceof Integer mcid) {
                text.append(content.get(page).get(mcid));
            }
        }
        return text.toString();
    }

    private static void owners(
            PDStructureElement element, PDPage inherited, Map<String, COSDictionary> out, PDDocument document) {
        PDPage page = element.getPage() == null ? inherited : element.getPage();
        for (Object kid : element.getKids()) {
            switch (kid) {
                case Integer mcid -> out.put(document.getPages().indexOf(page) + ":" + mcid, element.getCOSObject());
                case PDMarkedContentReference reference ->
                    out.put(
                            document.getPages().indexOf(reference.getPage()) + ":" + reference.getMCID(),
                            element.getCOSObject());
                case PDStructureElement child -> owners(child, page, out, document);
                default -> {}
            }
        }
    }

    private static void elements(PDStructureNode node, String type, List<PDStructureElement> out) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if (element.getStructureType().equals(type)) {
                    out.add(element);
                }
                elements(element, type, out);
            }
        }
    }

    /** Per page, the text of each MCID (a figure's MCID has none: ""). */
    private static Map<PDPage, Map<Integer, String>> markedText(PDDocument document) throws IOException {
        Map<PDPage, Map<Integer, String>> pages = new LinkedHashMap<>();
        for (PDPage page : document.getPages()) {
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(page);
            Map<Integer, String> texts = new HashMap<>();
            for (PDMarkedContent marked : extractor.getMarkedContents()) {
                if (marked.getMCID() >= 0) {
                    StringBuilder text = new StringBuilder();
                    for (Object piece : marked.getContents()) {
                        if (piece instanceof TextPosition position) {
                            text.append(position.getUnicode());
                        }
                    }
                    texts.put(marked.getMCID(), text.toString());
                }
            }
            pages.put(page, texts);
        }
        return pages;
    }

    /** The parent tree's numbers, read from the COS objects (Nums, and Kids if a writer split it). */
    private static Map<Integer, COSBase> parentTree(PDDocument document) {
        Map<Integer, COSBase> numbers = new HashMap<>();
        numbers(
                document.getDocumentCatalog()
                        .getStructureTreeRoot()
                        .getParentTree()
                        .getCOSObject(),
                numbers);
        return numbers;
    }

    private static void numbers(COSDictionary node, Map<Integer, COSBase> out) {
        if (node.getDictionaryObject(COSName.NUMS) instanceof COSArray nums) {
            for (int i = 0; i < nums.size(); i += 2) {
                out.put(((COSNumber) nums.getObject(i)).intValue(), deref(nums.get(i + 1)));
            }
        }
        if (node.getDictionaryObject(COSName.KIDS) instanceof COSArray kids) {
            for (int i = 0; i < kids.size(); i++) {
                numbers((COSDictionary) kids.getObject(i), out);
            }
        }
    }

    private static COSBase deref(COSBase base) {
        return base instanceof COSObject object ? object.getObject() : base;
    }

    private static Document xmp(PDDocument document) throws Exception {
        byte[] packet = document.getDocumentCatalog().getMetadata().toByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(packet));
    }
}
