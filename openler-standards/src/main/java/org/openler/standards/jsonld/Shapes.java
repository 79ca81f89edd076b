package org.openler.standards.jsonld;

import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.openler.standards.json.Jsons;

/**
 * The RDF quads of documents that share a shape, produced once. Credentials of one kind differ only in their values
 * (ids, dates, names, hashes, status indexes); their keys, types and contexts are the same, and JSON-LD expansion —
 * the costly part of canonicalization, with its type-scoped contexts — depends on those and on how each value is
 * coerced, not on the value's text. So a document is taken apart into a <em>shape</em> (keys, types, contexts and, for
 * each other string, only what decides how it expands: {@link #slotClass(String, boolean)}) and
 * its <em>slot values</em>. The shape is expanded once with a unique sentinel in every slot; where each sentinel lands
 * in the quads is recorded; later documents of the shape replay the recorded quads with their own values.
 *
 * <p>That is exact only for a slot whose sentinel lands whole as an IRI or as a literal's text: then the real value,
 * expanded by the same rules (same prefix, same coercion), lands the same way. A slot whose sentinel lands otherwise —
 * resolved against a base, mapped through the vocabulary, inside a larger string (a JSON literal), or dropped — is
 * kept <em>concrete</em>: its value becomes part of the template's key. Values that start with {@code @} or
 * {@code _:} and everything under {@code @context}, {@code type} and {@code @type} are concrete from the start. An IRI
 * slot whose real value is not an absolute IRI (RDF would drop it) sends the document down the full path instead.
 * {@code CanonicalizerTests} compares both paths on every single-field mutation of the tamper matrix's credentials.
 *
 * <p>A shape seen once is not templated (a one-off document would pay for two expansions); the maps are bounded and
 * forget their least recently used entries, so crafted documents cost memory only up to the bound, and a stream of
 * distinct credentials keeps the shapes it uses.
 */
final class Shapes {

    private static final int MAX_SHAPES = 256;
    private static final int MAX_VARIANTS = 64;
    private static final int MAX_ATTEMPTS = 4;
    private static final Set<String> CONCRETE_KEYS = Set.of("@context", "type", "@type");
    static final String MARK = "ol" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6)) + "s";

    /** Turns a document into its RDF quads by the full JSON-LD path. */
    interface Quads {
        List<String[]> of(JsonObject document) throws Exception;
    }

    private final Quads fullPath;
    private final Map<String, Shape> shapes = lru(MAX_SHAPES);
    private final Map<String, Boolean> seenOnce = lru(4 * MAX_SHAPES);
    private final AtomicLong replays = new AtomicLong();

    Shapes(Quads fullPath) {
        this.fullPath = fullPath;
    }

    /** How many documents were canonicalized from a template (tests check that templates are used at all). */
    long replays() {
        return replays.get();
    }

    /**
     * Feeds the document's quads to {@code consumer} from its shape's template, or answers false (and feeds nothing)
     * when the document must take the full path.
     */
    boolean replay(JsonObject document, RdfQuadConsumer consumer) throws RdfConsumerException {
        Parts parts = Parts.of(document);
        Shape shape = shapes.get(parts.key());
        if (shape == null) {
            if (seenOnce.putIfAbsent(parts.key(), Boolean.TRUE) == null) {
                return false;
            }
            shape = build(document, parts, new BitSet());
            shapes.putIfAbsent(parts.key(), shape);
        }
        if (shape.template == null) {
            return false; // this shape cannot be templated
        }
        List<String> concreteValues = parts.valuesOf(shape.concrete);
        Template template = shape.variants.get(concreteValues);
        if (template == null) {
            Shape variant = build(document, parts, shape.concrete);
            if (variant.template == null || !variant.concrete.equals(shape.concrete)) {
                return false;
            }
            template = variant.template;
            shape.variants.putIfAbsent(concreteValues, template);
        }
        if (!template.accepts(parts.values())) {
            return false;
        }
        template.replay(parts.values(), consumer);
        replays.incrementAndGet();
        return true;
    }

    /** Expands the document with sentinels in its open slots until every open slot lands whole, or gives up. */
    private Shape build(JsonObject document, Parts parts, BitSet initiallyConcrete) {
        BitSet concrete = (BitSet) initiallyConcrete.clone();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<String[]> quads;
            try {
                quads = fullPath.of(Parts.skeleton(document, parts, concrete));
            } catch (Exception e) {
                return Shape.untemplatable(concrete); // the full path will report the real document's error
            }
            BitSet stray = new BitSet();
            Template template = Template.record(quads, parts, concrete, stray);
            if (stray.isEmpty()) {
                Shape shape = new Shape(concrete, template);
                shape.variants.put(parts.valuesOf(concrete), template);
                return shape;
            }
            concrete.or(stray);
        }
        return Shape.untemplatable(concrete);
    }

    static String sentinel(String slotClass, int slot) {
        String name = MARK + slot + "e";
        if (slotClass.equals("-")) {
            return name;
        }
        boolean slashes = slotClass.endsWith("//");
        String prefix = slashes ? slotClass.substring(0, slotClass.length() - 2) : slotClass;
        if (prefix.equals(ANY_SCHEME)) {
            prefix = MARK + "p"; // a well-formed scheme that no context defines as a term
        } else if (prefix.equals(NOT_A_SCHEME)) {
            prefix = "0" + MARK + "p"; // starts with a digit: not a scheme, and no context defines it as a term
        }
        return prefix + ":" + (slashes ? "//" : "") + name;
    }

    /** {@link #slotClass(String, boolean)} as documents without inline contexts see it. */
    static String slotClass(String value) {
        return slotClass(value, false);
    }

    /**
     * What decides how a string expands as an IRI: the text before its first colon and whether "//" follows; "-" for
     * strings without a colon after the first character. JSON-LD's IRI expansion looks at that prefix only to find a
     * term of that name (a compact IRI, or "_" for a blank node); any other prefix leaves the value as it is. So a
     * prefix that no bundled context defines anywhere (a date's "2026-12-07T09", "urn", "did", "https") counts only as
     * a well-formed scheme or not — the shape of a credential issued at another hour or naming another kind of IRI is
     * the same shape. {@code literalPrefixes} (documents with inline contexts, whose terms are not in {@link #TERMS})
     * keeps every prefix as it is.
     */
    static String slotClass(String value, boolean literalPrefixes) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            return "-";
        }
        String prefix = value.substring(0, colon);
        String slashes = value.startsWith("//", colon + 1) ? "//" : "";
        if (literalPrefixes || prefix.equals("_") || TERMS.contains(prefix)) {
            return prefix + slashes;
        }
        return (SCHEME.matcher(prefix).matches() ? ANY_SCHEME : NOT_A_SCHEME) + slashes;
    }

    /** The classes of prefixes no context defines; a colon cannot be part of a real prefix, so they never clash. */
    private static final String ANY_SCHEME = ":scheme";

    private static final String NOT_A_SCHEME = ":not-a-scheme";
    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

    /**
     * Every name any bundled context defines, at any depth (scoped contexts included), and every other key in their
     * files: a superset of the terms a document with only bundled contexts can use as a prefix or a whole value.
     */
    static final Set<String> TERMS = terms();

    private static Set<String> terms() {
        Set<String> terms = new java.util.HashSet<>();
        for (BundledContexts.Entry entry : BundledContexts.ALLOW_LIST) {
            collectKeys(BundledContexts.context(entry.url()), terms);
        }
        return Set.copyOf(terms);
    }

    private static void collectKeys(JsonValue value, Set<String> keys) {
        if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                keys.add(entry.getKey());
                collectKeys(entry.getValue(), keys);
            }
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> collectKeys(item, keys));
        }
    }

    /** A bounded map that forgets its least recently used entry, not everything at once. */
    private static <K, V> Map<K, V> lru(int capacity) {
        return java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<K, V>(2 * capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }

    private static final class Shape {
        final BitSet concrete;
        final @Nullable Template template;
        final Map<List<String>, Template> variants = lru(MAX_VARIANTS);

        Shape(BitSet concrete, @Nullable Template template) {
            this.concrete = concrete;
            this.template = template;
        }

        static Shape untemplatable(BitSet concrete) {
            return new Shape(concrete, null);
        }
    }

    /** A document's shape key and its slot values, in document order. */
    record Parts(String key, List<String> values, boolean literalPrefixes) {

        static Parts of(JsonObject document) {
            boolean literalPrefixes = hasInlineContext(document, false);
            StringBuilder key = new StringBuilder(4096).append(literalPrefixes ? 'L' : 'T');
            List<String> values = new ArrayList<>(64);
            walk(document, false, literalPrefixes, key, values);
            return new Parts(key.toString(), values, literalPrefixes);
        }

        /** The class of slot {@code slot}'s value. */
        String slotClassOf(int slot) {
            return slotClass(values.get(slot), literalPrefixes);
        }

        /** True when an object sits anywhere under an {@code @context} key (an inline context, with its own terms). */
        private static boolean hasInlineContext(JsonValue value, boolean underContext) {
            switch (value.getValueType()) {
                case OBJECT -> {
                    if (underContext) {
                        return true;
                    }
                    for (Map.Entry<String, JsonValue> entry :
                            value.asJsonObject().entrySet()) {
                        if (hasInlineContext(entry.getValue(), entry.getKey().equals("@context"))) {
                            return true;
                        }
                    }
                    return false;
                }
                case ARRAY -> {
                    for (JsonValue item : value.asJsonArray()) {
                        if (hasInlineContext(item, underContext)) {
                            return true;
                        }
                    }
                    return false;
                }
                default -> {
                    return false;
                }
            }
        }

        List<String> valuesOf(BitSet slots) {
            List<String> selected = new ArrayList<>(slots.cardinality());
            slots.stream().forEach(slot -> selected.add(values.get(slot)));
            return selected;
        }

        private static void walk(
                JsonValue value, boolean concrete, boolean literalPrefixes, StringBuilder key, List<String> values) {
            switch (value.getValueType()) {
                case OBJECT -> {
                    key.append('{');
                    for (Map.Entry<String, JsonValue> entry :
                            value.asJsonObject().entrySet()) {
                        quote(entry.getKey(), key).append(':');
                        walk(
                                entry.getValue(),
                                concrete || CONCRETE_KEYS.contains(entry.getKey()),
                                literalPrefixes,
                                key,
                                values);
                        key.append(',');
                    }
                    key.append('}');
                }
                case ARRAY -> {
                    key.append('[');
                    for (JsonValue item : value.asJsonArray()) {
                        walk(item, concrete, literalPrefixes, key, values);
                        key.append(',');
                    }
                    key.append(']');
                }
                case STRING -> {
                    String text = ((JsonString) value).getString();
                    if (concrete || isAlwaysConcrete(text)) {
                        quote(text, key);
                    } else {
                        values.add(text);
                        quote(slotClass(text, literalPrefixes), key.append('$')).append('$');
                    }
                }
                default -> key.append(value); // numbers, true, false, null: they decide datatypes, so they stay
            }
        }

        /** The document with each open slot's value replaced by its sentinel (the same walk, so slots line up). */
        static JsonObject skeleton(JsonObject document, Parts parts, BitSet concrete) {
            int[] slot = {0};
            return rebuild(document, false, parts, concrete, slot).asJsonObject();
        }

        private static JsonValue rebuild(
                JsonValue value, boolean concrete, Parts values, BitSet concreteSlots, int[] slot) {
            switch (value.getValueType()) {
                case OBJECT -> {
                    JsonObjectBuilder builder = Jsons.PROVIDER.createObjectBuilder();
                    for (Map.Entry<String, JsonValue> entry :
                            value.asJsonObject().entrySet()) {
                        builder.add(
                                entry.getKey(),
                                rebuild(
                                        entry.getValue(),
                                        concrete || CONCRETE_KEYS.contains(entry.getKey()),
                                        values,
                                        concreteSlots,
                                        slot));
                    }
                    return builder.build();
                }
                case ARRAY -> {
                    JsonArrayBuilder builder = Jsons.PROVIDER.createArrayBuilder();
                    for (JsonValue item : (JsonArray) value) {
                        builder.add(rebuild(item, concrete, values, concreteSlots, slot));
                    }
                    return builder.build();
                }
                case STRING -> {
                    String text = ((JsonString) value).getString();
                    if (concrete || isAlwaysConcrete(text)) {
                        return value;
                    }
                    int index = slot[0]++;
                    return concreteSlots.get(index)
                            ? value
                            : Jsons.PROVIDER.createValue(sentinel(values.slotClassOf(index), index));
                }
                default -> {
                    return value;
                }
            }
        }

        /** Keyword-like values, blank node ids, and values that are themselves a term's name. */
        private static boolean isAlwaysConcrete(String text) {
            return text.startsWith("@") || text.startsWith("_:") || TERMS.contains(text);
        }

        private static StringBuilder quote(String text, StringBuilder key) {
            key.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    key.append('\\');
                }
                key.append(c);
            }
            return key.append('"');
        }
    }

    /**
     * The quads of a shape: each of the seven parts of a quad (subject, predicate, object, datatype, language,
     * direction, graph) is either text or a slot to fill.
     */
    static final class Template {
        private static final int PARTS = 7;
        private static final int OBJECT = 2;
        private static final int DATATYPE = 3;
        private static final int LANGUAGE = 4;
        private static final int GRAPH = 6;

        private final String[] text;
        private final int[] slots;
        private final BitSet iriSlots;

        private Template(String[] text, int[] slots, BitSet iriSlots) {
            this.text = text;
            this.slots = slots;
            this.iriSlots = iriSlots;
        }

        /**
         * Records the quads; open slots whose sentinel did not land whole (or did not land at all) are added to
         * {@code stray}.
         */
        static Template record(List<String[]> quads, Parts parts, BitSet concrete, BitSet stray) {
            List<String> values = parts.values();
            Map<String, Integer> sentinels = new HashMap<>(); // the sentinel as placed in the skeleton → its slot
            Map<String, Integer> names = new HashMap<>(); // the sentinel's unique name → its slot
            for (int slot = 0; slot < values.size(); slot++) {
                if (!concrete.get(slot)) {
                    sentinels.put(sentinel(parts.slotClassOf(slot), slot), slot);
                    names.put(MARK + slot + "e", slot);
                }
            }
            String[] text = new String[quads.size() * PARTS];
            int[] slots = new int[quads.size() * PARTS];
            BitSet landed = new BitSet();
            BitSet iriSlots = new BitSet();
            for (int q = 0; q < quads.size(); q++) {
                String[] quad = quads.get(q);
                for (int p = 0; p < PARTS; p++) {
                    int at = q * PARTS + p;
                    String part = quad[p];
                    slots[at] = -1;
                    text[at] = part;
                    if (part == null || !part.contains(MARK)) {
                        continue;
                    }
                    Integer whole = p <= OBJECT || p == GRAPH ? sentinels.get(part) : null;
                    if (whole != null) {
                        slots[at] = whole;
                        text[at] = null;
                        landed.set(whole);
                        boolean literal = p == OBJECT && (quad[DATATYPE] != null || quad[LANGUAGE] != null);
                        if (!literal) {
                            iriSlots.set(whole); // a subject, predicate, graph or object IRI
                        }
                    } else {
                        // resolved, mapped, or inside a larger term: its value shapes the term, so keep the value
                        names.forEach((name, slot) -> {
                            if (part.contains(name)) {
                                stray.set(slot);
                            }
                        });
                    }
                }
            }
            for (int slot : sentinels.values()) {
                if (!landed.get(slot)) {
                    stray.set(slot); // dropped: perhaps because of its value (a relative IRI), so keep the value
                }
            }
            return new Template(text, slots, iriSlots);
        }

        /**
         * Every value that lands as an IRI must be an absolute IRI by {@link Lossless}'s test; any other goes down the
         * full path, which refuses it as data loss.
         */
        boolean accepts(List<String> values) {
            for (int slot = iriSlots.nextSetBit(0); slot >= 0; slot = iriSlots.nextSetBit(slot + 1)) {
                if (!Lossless.isAbsoluteIri(values.get(slot))) {
                    return false;
                }
            }
            return true;
        }

        void replay(List<String> values, RdfQuadConsumer consumer) throws RdfConsumerException {
            for (int at = 0; at < text.length; at += PARTS) {
                consumer.quad(
                        part(at, values),
                        part(at + 1, values),
                        part(at + 2, values),
                        part(at + 3, values),
                        part(at + 4, values),
                        part(at + 5, values),
                        part(at + 6, values));
            }
        }

        private @Nullable String part(int at, List<String> values) {
            int slot = slots[at];
            return slot < 0 ? text[at] : values.get(slot);
        }
    }
}
