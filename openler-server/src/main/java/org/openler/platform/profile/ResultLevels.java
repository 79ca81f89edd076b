package org.openler.platform.profile;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A letter grade or a numeric score an issuer states (OB 3.0 {@code Result.value}) as a level on matching's 1–5
 * scale. The mapping is monotone (a better grade or a higher score never gives a lower level) and written out in
 * docs/matching.md: A± 5, B± 4, C± 3, D± 2, F 1; a score below the pass mark is 1, the rest of the range above it is
 * cut into four equal bands, 2 to 5. Without a stated pass mark ({@code requiredValue}) it is 60% of the way from
 * {@code valueMin} to {@code valueMax}, so a percent reads as the usual letter bands (90+ is 5, 87 is 4, 59 is 1). A
 * letter grade with a required letter reads a letter below it as 1 too.
 */
final class ResultLevels {

    private static final Pattern LETTER = Pattern.compile("([A-D])([+-]?)|F");
    private static final BigDecimal DEFAULT_PASS = new BigDecimal("0.6");

    private ResultLevels() {}

    /** The level of a letter grade A–F with + or −, or empty for any other value (Pass, Merit, E, …). */
    static Optional<Integer> letter(String value) {
        Matcher m = LETTER.matcher(value.strip().replace('\u2212', '-').toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        // + and − stay within their letter's level: the bands are the letters, so B+ and B− are both 4
        return Optional.of(m.group(1) == null ? 1 : 5 - (m.group(1).charAt(0) - 'A'));
    }

    /**
     * The level of a letter grade passed at the letter {@code pass} (when it is one): a letter below it is 1, as a
     * score below its pass mark is; the rest keep their letter's level.
     */
    static Optional<Integer> letter(String value, @Nullable String pass) {
        Optional<Integer> level = letter(value);
        Optional<Integer> mark = pass == null ? Optional.empty() : letter(pass);
        return level.map(l -> mark.isPresent() && l < mark.get() ? 1 : l);
    }

    /**
     * The level of a score in the range {@code min}–{@code max}, passed at {@code pass} (when given and inside the
     * range); empty when a number does not parse, the range is empty or the score lies outside it.
     */
    static Optional<Integer> score(String value, String min, String max, @Nullable String pass) {
        Optional<BigDecimal> v = number(value);
        Optional<BigDecimal> low = number(min);
        Optional<BigDecimal> high = number(max);
        if (v.isEmpty() || low.isEmpty() || high.isEmpty() || high.get().compareTo(low.get()) <= 0) {
            return Optional.empty();
        }
        if (v.get().compareTo(low.get()) < 0 || v.get().compareTo(high.get()) > 0) {
            return Optional.empty();
        }
        BigDecimal mark = pass == null ? null : number(pass).orElse(null);
        if (mark == null || mark.compareTo(low.get()) < 0 || mark.compareTo(high.get()) > 0) {
            mark = low.get().add(high.get().subtract(low.get()).multiply(DEFAULT_PASS));
        }
        if (v.get().compareTo(mark) < 0) {
            return Optional.of(1);
        }
        double band = high.get().subtract(mark).doubleValue() / 4;
        if (band <= 0) {
            return Optional.of(5);
        }
        int above = (int) Math.floor(v.get().subtract(mark).doubleValue() / band);
        return Optional.of(2 + Math.min(3, above));
    }

    private static Optional<BigDecimal> number(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        t = t.endsWith("%") ? t.substring(0, t.length() - 1).strip() : t;
        if (t.isEmpty() || t.length() > 20) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
