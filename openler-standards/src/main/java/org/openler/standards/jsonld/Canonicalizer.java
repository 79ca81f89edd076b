package org.openler.standards.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.JsonLdOptions.ProcessingPolicy;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.expansion.Expansion;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.jsonld.uri.UriValidationPolicy;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.json.Jsons;

/**
 * RDF Dataset Canonicalization (RDFC-1.0) of a JSON-LD document, with only pinned contexts.
 *
 * <p>Processing the top-level {@code @context} is the same work for every credential of a kind and dominated
 * verification time, so the processed active context is built once per distinct list of context URLs and reused:
 * the document is expanded without its {@code @context} against the cached active context, which is exactly what the
 * expansion algorithm does after step 9 with an empty initial context. Titanium's active contexts are not mutated by
 * expansion (scoped contexts derive new ones), so sharing one across threads is safe.
 *
 * <p>Expansion itself — mostly the type-scoped contexts of OB 3.0 — is then the same for every document of one shape,
 * so documents seen before are fed to the canonicalization from their shape's recorded quads ({@link Shapes}).
 *
 * <p>Nothing is dropped (JSON-LD "safe mode", see {@link Lossless}): an undefined term or type, a relative @id, or
 * anything else expansion and the conversion to RDF would lose silently fails with DATA_LOSS, naming its path.
 */
public final class Canonicalizer {

    private static final int MAX_CACHED_CONTEXTS = 64;
    /**
     * RDFC-1.0 §4.9 asks implementations to bound the N-degree hashing work. Credentials need a handful of steps; a
     * crafted dataset can need exponentially many, so we stop far above anything legitimate.
     */
    static final int MAX_CANONICALIZATION_STEPS = 20_000;

    private static final JsonLdOptions OPTIONS = options();
    private static final ConcurrentHashMap<List<JsonValue>, ActiveContext> ACTIVE_CONTEXTS = new ConcurrentHashMap<>();
    private static final Shapes SHAPES = new Shapes(Canonicalizer::quads);

    /**
     * Titanium logs each triple it drops, with the document's value in the message (a subject IRI, which may be a
     * learner's DID). Values stay out of logs; a shape's sentinels are dropped on purpose while its template is made.
     * Held in a field: java.util.logging keeps loggers only weakly, and a collected logger would forget its level.
     */
    private static final java.util.logging.Logger TO_RDF_LOG =
            quiet("com.apicatalog.jsonld.deseralization.JsonLdToRdf");
    /**
     * On unless {@code -Dopenler.jsonld.shape-templates=false}: the benchmarks compare both paths in one run, and an
     * operator can fall back to the full path without a new build.
     */
    private static final boolean SHAPE_TEMPLATES =
            !"false".equals(System.getProperty("openler.jsonld.shape-templates"));

    private Canonicalizer() {}

    /**
     * The canonical N-Quads of a document.
     *
     * @throws StandardsException CONTEXT_NOT_ALLOWED for a context that is not bundled (or is inline), JSON_LD when
     *     expansion or canonicalization fails
     */
    public static String canonicalize(JsonObject document) {
        return canonicalize(document, SHAPE_TEMPLATES);
    }

    /** Without the shape templates: the reference the templates are tested against. */
    static String canonicalizeFully(JsonObject document) {
        return canonicalize(document, false);
    }

    /** How many documents were canonicalized from a shape's template so far. */
    static long shapeReplays() {
        return SHAPES.replays();
    }

    private static String canonicalize(JsonObject document, boolean useShapes) {
        contexts(document); // refuses unbundled contexts and inline ones that import or protect, on both paths
        RdfCanon canon = RdfCanon.create("SHA-256", new WorkLimit(MAX_CANONICALIZATION_STEPS));
        try {
            if (!useShapes || !SHAPES.replay(document, canon)) {
                toRdf(document, canon);
            }
            StringWriter out = new StringWriter(2048);
            canon.provide(new NQuadsWriter(out));
            return out.toString();
        } catch (JsonLdError e) {
            if (e.getCode() == JsonLdErrorCode.UNDEFINED_TERM) {
                throw undefinedTerm(document, e);
            }
            throw new StandardsException(Code.JSON_LD, "JSON-LD processing failed: " + describe(e), e);
        } catch (IllegalStateException e) {
            // Thrown by WorkLimit: blank-node structures that make RDFC-1.0 explode (a "poisoned" dataset).
            throw new StandardsException(
                    Code.JSON_LD, "RDF canonicalization gave up: the document's blank nodes need too much work", e);
        } catch (RdfConsumerException e) {
            throw new StandardsException(Code.JSON_LD, "RDF canonicalization failed: " + e.getMessage(), e);
        }
    }

    /**
     * Expands the document against the cached active context of its @context and feeds its quads to the consumer,
     * after {@link Lossless} made sure nothing is dropped on the way and wrote the values as jsonld.js writes them.
     */
    private static void toRdf(JsonObject document, RdfQuadConsumer consumer) throws JsonLdError {
        toRdf(document, consumer, null);
    }

    private static void toRdf(JsonObject document, RdfQuadConsumer consumer, @Nullable String sentinelMark)
            throws JsonLdError {
        Lossless.checkInput(document);
        List<JsonValue> contexts = contexts(document);
        ActiveContext active = ACTIVE_CONTEXTS.get(contexts);
        if (active == null) {
            active = process(contexts);
            if (ACTIVE_CONTEXTS.size() < MAX_CACHED_CONTEXTS) {
                ACTIVE_CONTEXTS.putIfAbsent(contexts, active);
            }
        }
        JsonObject body =
                Jsons.PROVIDER.createObjectBuilder(document).remove("@context").build();
        JsonValue expanded =
                Expansion.with(active, body, null, null).ordered(false).compute();
        JsonArray checked = Lossless.checkExpanded(toArray(expanded), !body.isEmpty(), sentinelMark);
        ToRdfProcessor.toRdf(consumer, checked, OPTIONS);
    }

    /** The full path's quads of a shape's skeleton, recorded for its template. */
    private static List<String[]> quads(JsonObject document) throws JsonLdError {
        List<String[]> quads = new ArrayList<>(128);
        toRdf(
                document,
                new RdfQuadConsumer() {
                    @Override
                    public RdfQuadConsumer quad(
                            String subject,
                            String predicate,
                            String object,
                            String datatype,
                            String language,
                            String direction,
                            String graph) {
                        quads.add(new String[] {subject, predicate, object, datatype, language, direction, graph});
                        return this;
                    }
                },
                Shapes.MARK);
        return quads;
    }

    /**
     * The document's top-level {@code @context} URLs, every one of them bundled (its accepted inline objects aside).
     *
     * @throws StandardsException CONTEXT_NOT_ALLOWED when it is missing, names an unbundled URL, or has an inline
     *     object {@link InlineContexts} refuses
     */
    public static List<String> contextUrls(JsonObject document) {
        return contexts(document).stream()
                .filter(JsonString.class::isInstance)
                .map(v -> ((JsonString) v).getString())
                .toList();
    }

    /** The document's top-level {@code @context} items: bundled URLs and accepted inline objects, in order. */
    private static List<JsonValue> contexts(JsonObject document) {
        JsonValue value = document.get("@context");
        if (value == null) {
            throw new StandardsException(Code.CONTEXT_NOT_ALLOWED, "The document has no @context");
        }
        List<JsonValue> items = value instanceof JsonArray array ? array : List.of(value);
        if (items.isEmpty()) {
            throw new StandardsException(Code.CONTEXT_NOT_ALLOWED, "The document's @context is empty");
        }
        List<JsonValue> accepted = new ArrayList<>(items.size());
        for (JsonValue item : items) {
            if (item instanceof JsonObject inline) {
                InlineContexts.check(inline);
                accepted.add(InlineContexts.dereference(inline));
                continue;
            }
            if (!(item instanceof JsonString s)) {
                throw new StandardsException(
                        Code.CONTEXT_NOT_ALLOWED, "A @context item is a bundled context URL or an inline object");
            }
            if (!BundledContexts.isAllowed(s.getString())) {
                BundledContexts.context(s.getString()); // throws the precise reason
            }
            accepted.add(s);
        }
        return List.copyOf(accepted);
    }

    private static ActiveContext process(List<JsonValue> contexts) {
        try {
            ActiveContext initial = new ActiveContext(null, null, ProcessingRuntime.of(OPTIONS));
            JsonArray local = Jsons.PROVIDER.createArrayBuilder(contexts).build();
            return initial.newContext().create(local, null);
        } catch (JsonLdError e) {
            throw new StandardsException(Code.JSON_LD, "JSON-LD context processing failed: " + describe(e), e);
        }
    }

    /** Counts RDFC's steps and stops the canonicalization past the limit. One per canonicalization, not shared. */
    private static final class WorkLimit implements RdfCanonTicker {
        private final int limit;
        private int steps;

        WorkLimit(int limit) {
            this.limit = limit;
        }

        @Override
        public void tick() {
            if (++steps > limit) {
                throw new IllegalStateException("RDFC-1.0 work limit of " + limit + " steps exceeded");
            }
        }
    }

    private static JsonArray toArray(JsonValue expanded) {
        // Steps 8.1-8.3 of titanium's ExpansionProcessor: unwrap a lone @graph, null is empty, wrap a single node.
        JsonValue value = expanded;
        if (value instanceof JsonObject object && object.size() == 1 && object.containsKey("@graph")) {
            value = object.get("@graph");
        }
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        return value instanceof JsonArray array
                ? array
                : Jsons.PROVIDER.createArrayBuilder().add(value).build();
    }

    /** Titanium names the undefined term; the reader needs to know where it is. */
    private static StandardsException undefinedTerm(JsonObject document, JsonLdError e) {
        String message = describe(e);
        int open = message.indexOf('[');
        int close = message.indexOf(']', open + 1);
        String term = open >= 0 && close > open ? message.substring(open + 1, close) : "?";
        String path = pathOf(document, term, "$").orElse("$.." + term);
        return new StandardsException(
                Code.DATA_LOSS,
                "DATA_LOSS_DETECTION_ERROR at " + path + ": the term '" + term + "' is not defined by the contexts;"
                        + " JSON-LD would drop it and the signature would not cover it",
                e);
    }

    private static java.util.Optional<String> pathOf(JsonValue value, String key, String path) {
        if (value instanceof JsonObject object) {
            if (object.containsKey(key)) {
                return java.util.Optional.of(path + "." + key);
            }
            for (var entry : object.entrySet()) {
                if (!entry.getKey().equals("@context")) {
                    var found = pathOf(entry.getValue(), key, path + "." + entry.getKey());
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                var found = pathOf(array.get(i), key, path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Titanium reports any failure inside a loaded context as LOADING_REMOTE_CONTEXT_FAILED; the cause (say, the OB
     * 3.0.1 context redefining VC 2.0's protected term "description") is what the reader needs.
     */
    private static String describe(JsonLdError e) {
        String message = e.getMessage() == null ? e.getCode().name() : e.getMessage();
        Throwable cause = e.getCause();
        while (cause != null && cause != cause.getCause()) {
            if (cause instanceof JsonLdError inner) {
                message = message + "; caused by " + inner.getCode().name()
                        + (inner.getCode() == JsonLdErrorCode.PROTECTED_TERM_REDEFINITION
                                ? " (two of the contexts define one protected term differently: these contexts"
                                        + " cannot be used together)"
                                : "");
            }
            cause = cause.getCause();
        }
        return message;
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    private static JsonLdOptions options() {
        JsonLdOptions options = new JsonLdOptions(PinnedDocumentLoader.INSTANCE);
        options.setUndefinedTermsPolicy(ProcessingPolicy.Fail);
        options.setOrdered(false);
        // Lossless has already refused every IRI that jsonld.js does not take as absolute; java.net.URI would drop
        // more (a '|', a bad %-escape) and disagree with the digitalbazaar stack.
        options.setUriValidation(UriValidationPolicy.None);
        return options;
    }
}
