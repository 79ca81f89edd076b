package org.openler.platform.jobs;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The job editor's details form, bound by Spring from the posted fields (one that was not sent arrives as
 * {@code null}). It is read by the same rules as a job posted as JSON ({@link JobInput#readDetails}): the form is
 * turned into that JSON, numbers as numbers where they are numbers, so a mistyped one is refused by the same rule.
 */
record JobDetailsForm(
        @Nullable String title,
        @Nullable String summary,
        @Nullable String location,
        @Nullable String remote,
        @Nullable String experienceMonths,
        @Nullable String education,
        @Nullable String payMin,
        @Nullable String payMax,
        @Nullable String payUnit,
        @Nullable Integer version) {

    /** The version the editor was showing; 0 when the form did not say (the update then finds it changed). */
    int expectedVersion() {
        return version == null ? 0 : version;
    }

    JsonNode json() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode body = nodes.objectNode();
        body.put("title", text(title));
        body.put("summary", text(summary));
        body.put("location", text(location));
        body.put("remote", remote == null ? "onsite" : remote);
        body.set("experienceMonths", number(experienceMonths == null ? "0" : experienceMonths));
        body.put("education", education == null ? "none" : education);
        if (!text(payMin).isBlank() || !text(payMax).isBlank()) {
            ObjectNode pay = body.putObject("pay");
            pay.set("min", number(text(payMin)));
            pay.set("max", number(text(payMax)));
            pay.put("unit", "year".equals(payUnit) ? "year" : "hour");
        }
        return body;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** A number as typed, or the text itself (which the rule then refuses as not a number). */
    private static JsonNode number(String typed) {
        try {
            BigDecimal value = new BigDecimal(typed.strip());
            return value.scale() <= 0 && value.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                    ? JsonNodeFactory.instance.numberNode(value.intValueExact())
                    : JsonNodeFactory.instance.numberNode(value);
        } catch (NumberFormatException | ArithmeticException e) {
            return JsonNodeFactory.instance.stringNode(typed);
        }
    }
}
