package org.openler.platform.registry;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * A credential's duration and cost as people read them: "PT120H" is "120 hours", "P1Y6M" "1 year, 6 months"; 2450
 * USD is "2,450 USD" (or "2.450 USD" in Spanish), nothing to pay is "Free". The stored values stay ISO 8601 and ISO
 * 4217; only the page changes.
 */
final class ReadableValues {

    private static final Pattern ISO =
            Pattern.compile("P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?)?");
    private static final String[] UNITS = {"years", "months", "weeks", "days", "hours", "minutes"};

    private ReadableValues() {}

    static String duration(String iso, MessageSource messages, Locale locale) {
        Matcher m = ISO.matcher(iso);
        if (!m.matches()) {
            return iso;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < UNITS.length; i++) {
            String n = m.group(i + 1);
            if (n != null && Long.parseLong(n) > 0) {
                parts.add(
                        messages.getMessage("registry.duration." + UNITS[i], new Object[] {Long.parseLong(n)}, locale));
            }
        }
        return parts.isEmpty() ? iso : String.join(", ", parts);
    }

    static String cost(BigDecimal price, String currency, MessageSource messages, Locale locale) {
        if (price.signum() == 0) {
            return messages.getMessage("registry.cost.free", null, locale);
        }
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMinimumFractionDigits(price.stripTrailingZeros().scale() > 0 ? 2 : 0);
        number.setMaximumFractionDigits(2);
        return number.format(price) + " " + currency;
    }
}
