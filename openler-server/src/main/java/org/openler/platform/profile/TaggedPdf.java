package org.openler.platform.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDLayoutAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * The glue of a tagged PDF (PDF/UA-1, ISO 14289-1) over PDFBox: a {@code Document} structure element under the
 * structure tree root, elements appended in reading order, each piece of drawn content either marked content with an
 * MCID inside one element or an {@code /Artifact}, link annotations in {@code Link} elements (an {@code OBJR} beside
 * the link text), and on {@link #finish} the parent tree that maps every page's MCIDs and every annotation back to its
 * element. The catalog gets the language, the title shown instead of the file name, {@code /MarkInfo}, and XMP
 * metadata that claims PDF/UA-1; pages get {@code /Tabs /S} so tabbing follows the structure.
 */
final class TaggedPdf {

    /** What is drawn inside a marked-content sequence. */
    @FunctionalInterface
    interface Drawing {
        void draw() throws IOException;
    }

    private static final COSName TABS = COSName.getPDFName("Tabs");

    private final PDDocument document;
    private final PDStructureElement top;
    /** Per page, the element of each MCID (index = MCID), under the page's StructParents key. */
    private final Map<PDPage, List<PDStructureElement>> marked = new LinkedHashMap<>();
    /** The StructParent key of each link annotation, and its Link element. */
    private final Map<Integer, PDStructureElement> annotations = new LinkedHashMap<>();

    private int nextKey;

    TaggedPdf(PDDocument document, Locale locale, String title) {
        this.document = document;
        document.setVersion(1.7f);
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDStructureTreeRoot root = new PDStructureTreeRoot();
        catalog.setStructureTreeRoot(root);
        top = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
        root.appendKid(top);
        PDMarkInfo mark = new PDMarkInfo();
        mark.setMarked(true);
        catalog.setMarkInfo(mark);
        catalog.setLanguage(locale.toLanguageTag());
        PDViewerPreferences viewer = new PDViewerPreferences(new COSDictionary());
        viewer.setDisplayDocTitle(true);
        catalog.setViewerPreferences(viewer);
        document.getDocumentInformation().setTitle(title);
    }

    /** The {@code Document} element everything else hangs from. */
    PDStructureElement top() {
        return top;
    }

    /** A new element of a standard type, the last child of {@code parent} so far (reading order = append order). */
    PDStructureElement add(PDStructureElement parent, String type) {
        PDStructureElement element = new PDStructureElement(type, parent);
        parent.appendKid(element);
        return element;
    }

    /** A new page, with its key in the parent tree and tab order by structure. */
    PDPage page(PDRectangle size) {
        PDPage page = new PDPage(size);
        page.getCOSObject().setName(TABS, "S");
        page.setStructParents(nextKey++);
        document.addPage(page);
        marked.put(page, new ArrayList<>());
        return page;
    }

    /** Draws {@code drawing} as one marked-content sequence of {@code element} ({@code /Type <</MCID n>> BDC … EMC}). */
    void marked(PDPageContentStream stream, PDPage page, PDStructureElement element, Drawing drawing)
            throws IOException {
        List<PDStructureElement> ids = marked.get(page);
        int mcid = ids.size();
        ids.add(element);
        if (element.getPage() == null) {
            element.setPage(page);
        }
        if (page.equals(element.getPage())) {
            element.appendKid(mcid);
        } else {
            // the element began on an earlier page: this piece names its own page
            PDMarkedContentReference reference = new PDMarkedContentReference();
            reference.setPage(page);
            reference.setMCID(mcid);
            element.appendKid(reference);
        }
        stream.beginMarkedContent(COSName.getPDFName(element.getStructureType()), mcid);
        drawing.draw();
        stream.endMarkedContent();
    }

    /** Draws {@code drawing} as an artifact: decoration or pagination, outside the structure and skipped by readers. */
    void artifact(PDPageContentStream stream, Drawing drawing) throws IOException {
        stream.beginMarkedContent(COSName.ARTIFACT);
        drawing.draw();
        stream.endMarkedContent();
    }

    /** Puts {@code annotation} on the page and in {@code link} as an object reference, with its StructParent key. */
    void link(PDStructureElement link, PDPage page, PDAnnotationLink annotation) throws IOException {
        int key = nextKey++;
        annotation.setStructParent(key);
        annotation.setPage(page);
        page.getAnnotations().add(annotation);
        PDObjectReference reference = new PDObjectReference();
        reference.setReferencedObject(annotation);
        reference.setPage(page);
        link.appendKid(reference);
        annotations.put(key, link);
    }

    /** A figure's replacement text and where it is on the page (the Layout attribute's BBox). */
    void figure(PDStructureElement figure, String alt, PDRectangle box) {
        figure.setAlternateDescription(alt);
        PDLayoutAttributeObject layout = new PDLayoutAttributeObject();
        layout.setPlacement(PDLayoutAttributeObject.PLACEMENT_BLOCK);
        layout.setBBox(box);
        figure.addAttribute(layout);
    }

    /** The parent tree and its next key, and the XMP metadata; call once, after the last page is drawn. */
    void finish(String title, String creator) throws IOException {
        Map<Integer, PDParentTreeValue> numbers = new LinkedHashMap<>();
        for (Map.Entry<PDPage, List<PDStructureElement>> page : marked.entrySet()) {
            COSArray elements = new COSArray();
            for (PDStructureElement element : page.getValue()) {
                elements.add(element);
            }
            numbers.put(page.getKey().getStructParents(), new PDParentTreeValue(elements));
        }
        for (Map.Entry<Integer, PDStructureElement> annotation : annotations.entrySet()) {
            numbers.put(
                    annotation.getKey(),
                    new PDParentTreeValue(annotation.getValue().getCOSObject()));
        }
        PDNumberTreeNode tree = new PDNumberTreeNode(PDParentTreeValue.class);
        tree.setNumbers(numbers);
        PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
        root.setParentTree(tree);
        root.setParentTreeNextKey(nextKey);
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp(title, creator).getBytes(StandardCharsets.UTF_8));
        document.getDocumentCatalog().setMetadata(metadata);
    }

    /**
     * The XMP packet: the title (PDF/UA wants it in dc:title), the creator tool, and the PDF/UA identification
     * schema. A string, because PDFBox's xmpbox is not a dependency here and the packet is this small.
     */
    static String xmp(String title, String creator) {
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about=""
                    xmlns:dc="http://purl.org/dc/elements/1.1/"
                    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
                   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                   <dc:format>application/pdf</dc:format>
                   <xmp:CreatorTool>%s</xmp:CreatorTool>
                   <pdfuaid:part>1</pdfuaid:part>
                  </rdf:Description>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(escape(title), escape(creator));
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    // XML 1.0 has no place for most control characters, even escaped
                    if (cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r') {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
