package org.openler.standards.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/**
 * The JSON Canonicalization Scheme (RFC 8785), which the {@code eddsa-jcs-2022} cryptosuite signs: object members
 * sorted by their names' UTF-16 code units, no whitespace, strings escaped as ECMAScript's {@code JSON.stringify}
 * does, and numbers written as ECMAScript writes an IEEE 754 double (RFC 8785 §3.2.2.3).
 */
public final class Jcs {

    private Jcs() {}

    public static String canonicalize(JsonValue value) {
        StringBuilder out = new StringBuilder(1024);
        write(value, out);
        return out.toString();
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject object = (JsonObject) value;
                List<String> names = new ArrayList<>(object.keySet());
                names.sort(String::compareTo); // String.compareTo compares UTF-16 code units, as RFC 8785 §3.2.3 asks
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(names.get(i), out);
                    out.append(':');
                    write(object.get(names.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                JsonArray array = (JsonArray) value;
                out.append('[');
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(array.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(((JsonString) value).getString(), out);
            case NUMBER -> out.append(number(((JsonNumber) value).bigDecimalValue()));
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            case NULL -> out.append("null");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * ECMAScript's Number::toString of the double nearest the value (ECMA-262 §6.1.6.1.20): the shortest digits that
     * round-trip (Java's {@link Double#toString} finds the same ones), in plain notation for exponents from -6 to 20
     * and in {@code d.ddde±n} notation otherwise.
     */
    static String number(BigDecimal exact) {
        double d = exact.doubleValue();
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            throw new StandardsException(
                    Code.INVALID_ARGUMENT, "A number outside IEEE 754 double range has no JCS form");
        }
        if (d == 0) {
            return "0"; // -0 too
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        if (shortest.precision() == 2) {
            // Java writes at least two digits, picking the closest two-digit decimal; ECMAScript takes one digit
            // whenever one round-trips (5e-324, not 4.9e-324).
            BigDecimal one = shortest.round(new java.math.MathContext(1, java.math.RoundingMode.HALF_EVEN));
            if (one.doubleValue() == Math.abs(d)) {
                shortest = one.stripTrailingZeros();
            }
        }
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // the value is 0.digits × 10^n
        String sign = d < 0 ? "-" : "";
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        int e = n - 1;
        String exponent = (e < 0 ? "-" : "+") + Math.abs(e);
        return sign + digits.charAt(0) + (k == 1 ? "" : "." + digits.substring(1)) + "e" + exponent;
    }
}
