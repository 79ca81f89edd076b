package org.openler.standards.jsonld;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.json.Jsons;

/**
 * The lossless rule: a document is signed or verified only when everything in it reaches the RDF that the signature
 * covers. JSON-LD expansion and the conversion to RDF drop, without an error, what they cannot express: a type or an
 * {@code @id} that is not an absolute IRI, a property that does not expand to one, a value with an unknown datatype or
 * an ill-formed language tag, an {@code @index}, an object with only {@code @value: null}... A verifier that accepted
 * such a document would accept whatever an attacker put there. This is jsonld.js "safe mode" (which digitalbazaar's
 * eddsa-rdfc-2022 always uses), and Data Integrity's DATA_LOSS_DETECTION_ERROR; numbers are held to the same rule (two
 * different JSON numbers must not become one RDF literal).
 *
 * <p>The same walk writes every value the way jsonld.js writes it, so that both sign the same bytes: numbers as
 * jsonld.js renders a JavaScript double, {@code @direction} as an {@code https://www.w3.org/ns/i18n#lang_dir} datatype
 * (its {@code rdfDirection: "i18n-datatype"}), IRIs absolute by jsonld.js's test, not by {@link java.net.URI}'s.
 */
final class Lossless {

    static final String I18N = "https://www.w3.org/ns/i18n#";
    static final String XSD_DOUBLE = "http://www.w3.org/2001/XMLSchema#double";
    static final String XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer";

    /** jsonld.js's absolute IRI test ({@code url.isAbsolute}), with JavaScript's {@code \s}. */
    static final Pattern ABSOLUTE = Pattern.compile(
            "^([A-Za-z][A-Za-z0-9+-.]*|_):[^\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]*$");
    /** jsonld.js's well-formed language tag (BCP 47 shape). */
    private static final Pattern LANGUAGE = Pattern.compile("^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$");
    /** A decimal number JavaScript's parseFloat reads whole. */
    private static final Pattern FLOAT_TEXT =
            Pattern.compile("[+-]?(\\d+\\.?\\d*([eE][+-]?\\d+)?|\\.\\d+([eE][+-]?\\d+)?|Infinity)");

    private static final Pattern KEYWORD_FORM = Pattern.compile("^@[a-zA-Z]+$");
    private static final Set<String> ID_KEYS = Set.of("@id", "id");
    private static final BigDecimal TEN_POW_21 = new BigDecimal("1e21");
    private static final BigDecimal ONE_MILLIONTH = new BigDecimal("1e-6");
    private static final MathContext SIXTEEN_DIGITS = new MathContext(16, RoundingMode.HALF_UP);

    private Lossless() {}

    /** True when jsonld.js (and so RDF) treats the string as an absolute IRI or a blank node identifier. */
    static boolean isAbsoluteIri(String value) {
        // ABSOLUTE, by hand: it ran for every IRI of every credential and was the top regex in verification profiles.
        int colon = value.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '_') {
            if (colon != 1) {
                return false;
            }
        } else {
            if (!isAsciiLetter(first)) {
                return false;
            }
            for (int i = 1; i < colon; i++) {
                char c = value.charAt(i);
                // [A-Za-z0-9+-.]: the range '+'..'.' is + , - .
                if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && !(c >= '+' && c <= '.')) {
                    return false;
                }
            }
        }
        for (int i = colon + 1; i < value.length(); i++) {
            if (isJavaScriptSpace(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** The characters ABSOLUTE refuses after the colon: JavaScript's {@code \s}. */
    private static boolean isJavaScriptSpace(char c) {
        return c == '\t'
                || c == '\n'
                || c == '\u000B'
                || c == '\f'
                || c == '\r'
                || c == ' '
                || c == '\u00A0'
                || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200A')
                || c == '\u2028'
                || c == '\u2029'
                || c == '\u202F'
                || c == '\u205F'
                || c == '\u3000'
                || c == '\uFEFF';
    }

    /**
     * What expansion drops before its output can show it: {@code @value: null}, an object with only {@code @language},
     * a null or keyword-like {@code @id}, free-floating values in {@code @graph}.
     *
     * @throws StandardsException DATA_LOSS naming the path
     */
    static void checkInput(JsonObject document) {
        walkInput(document, "$");
        if (document.keySet().stream().allMatch(k -> k.equals("@context") || ID_KEYS.contains(k))) {
            throw loss("$", "a document with nothing but an id is dropped whole by JSON-LD");
        }
    }

    private static void walkInput(JsonValue value, String path) {
        if (value instanceof JsonObject object) {
            if (object.size() == 1 && object.containsKey("@language")) {
                throw loss(path, "an object with only @language is dropped");
            }
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                String key = entry.getKey();
                JsonValue child = entry.getValue();
                String at = path + "." + key;
                if (key.equals("@context")) {
                    continue;
                }
                if (key.equals("@value") && child.getValueType() == JsonValue.ValueType.NULL) {
                    throw loss(at, "a null @value drops its object");
                }
                if (ID_KEYS.contains(key)) {
                    if (child.getValueType() == JsonValue.ValueType.NULL) {
                        throw loss(at, "a null id is dropped");
                    }
                    if (child instanceof JsonString s
                            && KEYWORD_FORM.matcher(s.getString()).matches()) {
                        throw loss(at, "'" + s.getString() + "' looks like a keyword and is dropped as an id");
                    }
                }
                if (key.equals("@graph") && child instanceof JsonArray items) {
                    for (int i = 0; i < items.size(); i++) {
                        if (!(items.get(i) instanceof JsonObject) && !(items.get(i) instanceof JsonArray)) {
                            throw loss(at + "[" + i + "]", "a value directly in @graph is dropped");
                        }
                    }
                }
                walkInput(child, at);
            }
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                walkInput(array.get(i), path + "[" + i + "]");
            }
        }
    }

    /**
     * Checks the expanded document for anything the conversion to RDF would drop and rewrites values as jsonld.js writes
     * them. Answers the same instance when nothing needed rewriting.
     *
     * @throws StandardsException DATA_LOSS naming the path (built from the local names of the expanded IRIs)
     */
    static JsonArray checkExpanded(JsonArray expanded, boolean hadContent, @Nullable String sentinelMark) {
        if (expanded.isEmpty() && hadContent) {
            throw loss("$", "JSON-LD expansion dropped the whole document");
        }
        return (JsonArray) new Walk(sentinelMark).array(expanded, "$");
    }

    /**
     * One walk over an expanded document. With a sentinel mark ({@link Shapes} expanding a shape's skeleton), a
     * violation whose offending text holds a sentinel is not the document's fault but the sentinel's: the value is
     * dropped instead, so that its slot does not land and the shape keeps the real value there.
     */
    private record Walk(@Nullable String sentinelMark) {

        private boolean sentinel(String text) {
            return sentinelMark != null && text.contains(sentinelMark);
        }

        private JsonValue array(JsonArray array, String path) {
            if (!path.endsWith("@list")
                    && array.size() > 1
                    && array.stream().filter(Walk::emptyList).count() > 1) {
                // Each empty list is rdf:nil: jsonld.js signs the statement once per list, RDF keeps it once.
                throw loss(path, "two of its values are the same RDF statement (empty lists), so only one is covered");
            }
            JsonArrayBuilder rebuilt = null;
            boolean dropped = false;
            for (int i = 0; i < array.size(); i++) {
                JsonValue item = array.get(i);
                String at = array.size() == 1 ? path : path + "[" + i + "]";
                JsonValue checked = item instanceof JsonObject object ? object(object, at) : item;
                if (checked != item && rebuilt == null) {
                    rebuilt = Jsons.PROVIDER.createArrayBuilder();
                    for (int j = 0; j < i; j++) {
                        rebuilt.add(array.get(j));
                    }
                }
                if (rebuilt != null && checked != null) {
                    rebuilt.add(checked);
                }
                dropped |= checked == null;
            }
            if (rebuilt == null) {
                return array;
            }
            JsonArray result = rebuilt.build();
            if (!path.endsWith("@list")
                    && !dropped
                    && new java.util.HashSet<>(result).size()
                            < array.stream()
                                    .map(Walk::asJavaScriptSeesIt)
                                    .distinct()
                                    .count()) {
                // Two different values (-89.65 and "-89.65"^^xsd:double) written as one RDF literal: RDF keeps one,
                // jsonld.js signs both; either way one of them is not covered on its own.
                throw loss(path, "two of its values are the same RDF statement, so only one is covered");
            }
            return result;
        }

        /**
         * A value as jsonld.js compares values when it merges them (a number is the double it reads, so 0, 0.0 and -0
         * are one value): two values it keeps apart but writes as one literal are what the check above refuses.
         */
        private static Object asJavaScriptSeesIt(JsonValue value) {
            if (value instanceof JsonObject object && object.get("@value") instanceof JsonNumber number) {
                double d = number.doubleValue();
                return java.util.List.of(d == 0 ? 0.0 : d, String.valueOf(object.get("@type")));
            }
            return value;
        }

        private static boolean emptyList(JsonValue value) {
            return value instanceof JsonObject object
                    && object.get("@list") instanceof JsonArray list
                    && list.isEmpty();
        }

        /** The checked object, or null when a sentinel made it drop. */
        private @Nullable JsonValue object(JsonObject object, String path) {
            if (object.containsKey("@value")) {
                return value(object, path);
            }
            if (object.containsKey("@index")) {
                throw loss(path, "@index is not part of RDF, so no signature covers it");
            }
            if (object.get("@id") instanceof JsonString id && !isAbsoluteIri(id.getString())) {
                if (sentinel(id.getString())) {
                    return null;
                }
                throw loss(path + ".id", "'" + id.getString() + "' is not an absolute IRI (a relative or invalid @id)");
            }
            JsonObjectBuilder rebuilt = null;
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                String key = entry.getKey();
                JsonValue child = entry.getValue();
                JsonValue checked = child;
                switch (key) {
                    case "@id", "@index" -> {}
                    case "@type" -> checked = types(child, path + ".type");
                    case "@list", "@set", "@graph", "@included" -> {
                        if (child instanceof JsonArray items) {
                            checked = array(items, path + "." + key);
                        }
                    }
                    case "@reverse" -> {
                        if (child instanceof JsonObject reverse) {
                            checked = object(reverse, path + ".@reverse");
                            if (checked == null) {
                                return null;
                            }
                        }
                    }
                    default -> {
                        String at = path + "." + localName(key);
                        if (!key.startsWith("@")) {
                            if (key.startsWith("_:")) {
                                throw loss(at, "a blank node cannot be a property in RDF");
                            }
                            if (!isAbsoluteIri(key)) {
                                throw loss(at, "'" + key + "' is not an absolute IRI (the property would be dropped)");
                            }
                        }
                        if (child instanceof JsonArray items) {
                            checked = array(items, at);
                        } else if (child instanceof JsonObject nested) {
                            checked = object(nested, at);
                            if (checked == null) {
                                return null;
                            }
                        }
                    }
                }
                if (checked != child && rebuilt == null) {
                    rebuilt = Jsons.PROVIDER.createObjectBuilder(object);
                }
                if (rebuilt != null && checked != child) {
                    rebuilt.add(key, checked);
                }
            }
            return rebuilt == null ? object : rebuilt.build();
        }

        private JsonValue types(JsonValue types, String path) {
            JsonArray array = types instanceof JsonArray a
                    ? a
                    : Jsons.PROVIDER.createArrayBuilder().add(types).build();
            JsonArrayBuilder kept = Jsons.PROVIDER.createArrayBuilder();
            boolean dropped = false;
            for (JsonValue type : array) {
                if (type instanceof JsonString s && !isAbsoluteIri(s.getString())) {
                    if (sentinel(s.getString())) {
                        dropped = true;
                        continue;
                    }
                    throw loss(
                            path,
                            "'" + s.getString()
                                    + "' is not defined by the contexts and not an absolute IRI (an undefined"
                                    + " type is dropped)");
                }
                kept.add(type);
            }
            return dropped ? kept.build() : types;
        }

        /** A value object: checks it and writes its number or direction as jsonld.js does (null: a sentinel dropped it). */
        private @Nullable JsonValue value(JsonObject object, String path) {
            if (object.containsKey("@index")) {
                throw loss(path, "@index is not part of RDF, so no signature covers it");
            }
            JsonValue value = object.get("@value");
            String datatype = object.get("@type") instanceof JsonString t ? t.getString() : null;
            if (datatype != null && !datatype.equals("@json") && !isAbsoluteIri(datatype)) {
                throw loss(path, "the datatype '" + datatype + "' is not an absolute IRI (the value would be dropped)");
            }
            if (object.get("@language") instanceof JsonString language
                    && !LANGUAGE.matcher(language.getString()).matches()) {
                if (sentinel(language.getString())) {
                    return null;
                }
                throw loss(path, "'" + language.getString() + "' is not a well-formed language tag");
            }
            if ("@json".equals(datatype)) {
                return object;
            }
            if (value instanceof JsonNumber number) {
                return number(number.bigDecimalValue(), datatype, path);
            }
            if (value instanceof JsonString text && XSD_DOUBLE.equals(datatype)) {
                if (sentinel(text.getString())) {
                    return null;
                }
                return withValue(parseFloat(text.getString(), path), XSD_DOUBLE);
            }
            if (object.get("@direction") instanceof JsonString direction && value instanceof JsonString) {
                String language = object.get("@language") instanceof JsonString l
                        ? l.getString().toLowerCase(java.util.Locale.ROOT)
                        : "";
                return Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("@value", value)
                        .add("@type", I18N + language + "_" + direction.getString())
                        .build();
            }
            return object;
        }
    }

    /**
     * A JSON number as jsonld.js writes it: JavaScript reads it as a double; {@code String(v)} with a "." or
     * {@code |v| >= 1e21} (or an xsd:double datatype) makes it a double, written {@code toExponential(15)} without
     * trailing zeros; anything else is written {@code toFixed(0)}. A number that is not exactly the double it reads as
     * (more digits than a double holds), or a fraction that jsonld.js writes as an integer ({@code 1e-7} becomes "0"),
     * would let two documents share one signature: refused.
     */
    private static JsonObject number(BigDecimal exact, String datatype, String path) {
        double d = exact.doubleValue();
        if (!holds(exact, d)) {
            throw loss(
                    path,
                    "the number " + exact + " has more digits than a double holds; its RDF value is "
                            + Double.toString(d));
        }
        boolean integral = exact.signum() == 0 || exact.stripTrailingZeros().scale() <= 0;
        boolean jsDouble = exact.abs().compareTo(TEN_POW_21) >= 0
                || (!integral && !(exact.abs().compareTo(ONE_MILLIONTH) < 0 && shortestDigits(d) == 1));
        if (!integral && !jsDouble && !XSD_DOUBLE.equals(datatype)) {
            throw loss(path, "the number " + exact + " is written as an integer by JSON-LD processors");
        }
        if (jsDouble || XSD_DOUBLE.equals(datatype)) {
            return withValue(toExponential(d), datatype == null ? XSD_DOUBLE : datatype);
        }
        return withValue(new BigDecimal(d).toBigInteger().toString(), datatype == null ? XSD_INTEGER : datatype);
    }

    private static String parseFloat(String text, String path) {
        if (text.equals("NaN")) {
            return "NaN";
        }
        if (!FLOAT_TEXT.matcher(text).matches()) {
            throw loss(path, "'" + text + "' is not a number, but its datatype is xsd:double");
        }
        if (text.endsWith("Infinity")) {
            return text.startsWith("-") ? "-Infinity" : "Infinity";
        }
        BigDecimal exact = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        double d = exact.doubleValue();
        if (!holds(exact, d)) {
            throw loss(path, "the number " + text + " has more digits than a double holds");
        }
        return toExponential(d);
    }

    /**
     * True when the double a JSON number is read as still says that number: its exact binary value, rounded to as many
     * significant digits as the number was written with, is the number. {@code -89.65} and {@code 5e-324} hold;
     * {@code 9007199254740993} (read as ...992) and {@code 0.1000000000000000000001} do not.
     */
    private static boolean holds(BigDecimal exact, double d) {
        if (Double.isInfinite(d)) {
            return false;
        }
        if (exact.signum() == 0) {
            return true;
        }
        BigDecimal written = exact.stripTrailingZeros();
        return new BigDecimal(d)
                        .round(new MathContext(written.precision(), RoundingMode.HALF_EVEN))
                        .compareTo(written)
                == 0;
    }

    /** How many significant digits JavaScript's {@code String(d)} writes: the fewest that read back as {@code d}. */
    private static int shortestDigits(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits < 17; digits++) {
            if (exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)).doubleValue() == d) {
                return digits;
            }
        }
        return 17;
    }

    /** JavaScript's {@code d.toExponential(15)} with the trailing zeros of the fraction removed, "e+" as "E". */
    static String toExponential(double d) {
        if (d == 0) {
            return "0.0E0";
        }
        BigDecimal rounded = new BigDecimal(d).round(SIXTEEN_DIGITS);
        String digits = rounded.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        String fraction = digits.substring(1).replaceFirst("0+$", "");
        return (d < 0 ? "-" : "") + digits.charAt(0) + "." + (fraction.isEmpty() ? "0" : fraction) + "E" + exponent;
    }

    private static JsonObject withValue(String lexical, String datatype) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("@value", lexical)
                .add("@type", datatype)
                .build();
    }

    /** The term a reader knows for an expanded IRI: its last segment after '#' or '/'. */
    private static String localName(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
    }

    static StandardsException loss(String path, String what) {
        return new StandardsException(
                Code.DATA_LOSS,
                "DATA_LOSS_DETECTION_ERROR at " + path + ": " + what + "; the signature would not" + " cover it");
    }
}
