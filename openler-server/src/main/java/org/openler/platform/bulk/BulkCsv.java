package org.openler.platform.bulk;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.issuing.AchievementDefinition;
import org.openler.platform.issuing.Issuance;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.skills.CsvRecords;

/**
 * Reads a bulk-issuance CSV (RFC 4180: commas, double quotes, CRLF or LF) with a header row naming the columns
 * {@code achievement, achievement_id, recipient_email, recipient_did, valid_until, idempotency_key, results} in any
 * order ({@code results}: the results stated, {@code Name=Value} pairs separated by {@code ;}, e.g.
 * {@code Final grade=B; Clinical skills=Proficient}; its form is checked here, its names and values against the
 * achievement's result descriptions when the file is taken ({@link #checkResults}) and again when the row is issued);
 * the achievement (by its name, {@code achievement}, or its id) and one recipient column are required. A name is
 * resolved among the organization's achievements ({@link #named}); one that fits none or several is that row's error. Problems with the whole file refuse it; problems
 * with one row are that row's error and the other rows go ahead. Row numbers are as in a spreadsheet: the header is
 * row 1, the first credential row 2.
 */
final class BulkCsv {

    static final List<String> COLUMNS = List.of(
            "achievement",
            "achievement_id",
            "recipient_email",
            "recipient_did",
            "valid_until",
            "idempotency_key",
            "results");

    /** The longest {@code results} field a row may have. */
    static final int MAX_RESULTS = 2000;

    private BulkCsv() {}

    /** One data row: its number and either its parsed fields or why it cannot be issued. */
    record Row(
            int number,
            @Nullable UUID achievementId,
            @Nullable String achievementName,
            @Nullable String email,
            @Nullable String did,
            @Nullable Instant validUntil,
            @Nullable String idempotencyKey,
            Optional<BulkRowError> error,
            @Nullable String results) {

        Row(
                int number,
                @Nullable UUID achievementId,
                @Nullable String achievementName,
                @Nullable String email,
                @Nullable String did,
                @Nullable Instant validUntil,
                @Nullable String idempotencyKey,
                Optional<BulkRowError> error) {
            this(number, achievementId, achievementName, email, did, validUntil, idempotencyKey, error, null);
        }
    }

    /**
     * A row's {@code results} field read as (description, value) pairs: {@code Name=Value} separated by {@code ;}; a
     * part without {@code =} is kept with an empty value, which the issuance then refuses with a plain reason.
     */
    static List<Map.Entry<String, String>> results(@Nullable String field) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (field == null) {
            return pairs;
        }
        for (String part : field.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            pairs.add(
                    eq < 0
                            ? Map.entry(part.strip(), "")
                            : Map.entry(
                                    part.substring(0, eq).strip(),
                                    part.substring(eq + 1).strip()));
        }
        return pairs;
    }

    static List<Row> parse(byte[] bytes, int maxRows) {
        List<List<String>> records = records(utf8(bytes));
        if (records.isEmpty() || isBlank(records.get(0))) {
            throw PlatformException.invalid("file", "The CSV is empty: give a header row and one row per credential.");
        }
        Map<String, Integer> header = header(records.get(0));
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> fields = records.get(i);
            if (isBlank(fields)) {
                continue;
            }
            if (rows.size() == maxRows) {
                throw PlatformException.invalid("file", "At most " + maxRows + " rows per file.");
            }
            rows.add(row(i + 1, fields, header));
        }
        if (rows.isEmpty()) {
            throw PlatformException.invalid("file", "The CSV has a header but no rows.");
        }
        return rows;
    }

    private static Row row(int number, List<String> fields, Map<String, Integer> header) {
        if (fields.size() != header.size()) {
            return failed(number, BulkRowError.COLUMNS);
        }
        String achievement = field(fields, header, "achievement_id");
        String name = field(fields, header, "achievement");
        String email = field(fields, header, "recipient_email");
        String did = field(fields, header, "recipient_did");
        String validUntil = field(fields, header, "valid_until");
        String key = field(fields, header, "idempotency_key");
        String results = field(fields, header, "results");
        UUID achievementId = null;
        if (!achievement.isEmpty()) {
            try {
                achievementId = UUID.fromString(achievement);
            } catch (IllegalArgumentException e) {
                return failed(number, BulkRowError.ACHIEVEMENT_ID);
            }
        } else if (name.isEmpty()) {
            return failed(
                    number,
                    header.containsKey("achievement") ? BulkRowError.ACHIEVEMENT_MISSING : BulkRowError.ACHIEVEMENT_ID);
        }
        if (email.isEmpty() == did.isEmpty()) {
            return failed(number, BulkRowError.RECIPIENT);
        }
        Instant until = null;
        if (!validUntil.isEmpty()) {
            Optional<Instant> parsed = instant(validUntil);
            if (parsed.isEmpty()) {
                return failed(number, BulkRowError.VALID_UNTIL_FORMAT);
            }
            until = parsed.get();
        }
        if (key.length() > 200) {
            return failed(number, BulkRowError.KEY_TOO_LONG);
        }
        if (results.length() > MAX_RESULTS) {
            return failed(number, BulkRowError.RESULTS_TOO_LONG);
        }
        if (results(results).stream()
                .anyMatch(r -> r.getKey().isEmpty() || r.getValue().isEmpty())) {
            return failed(number, BulkRowError.RESULTS_FORMAT);
        }
        return new Row(
                number,
                achievementId,
                name.isEmpty() ? null : name,
                email.isEmpty() ? null : email,
                did.isEmpty() ? null : did,
                until,
                key.isEmpty() ? null : key,
                Optional.empty(),
                results.isEmpty() ? null : results);
    }

    private static Row failed(int number, BulkRowError error) {
        return new Row(number, null, null, null, null, null, null, Optional.of(error));
    }

    /**
     * Gives every row that names its achievement the achievement's id, among the organization's achievements (name
     * compared without case and surrounding spaces). A name that fits none, or several, is that row's error; a row
     * with both a name and an id must name the same achievement twice.
     */
    static List<Row> named(List<Row> rows, Map<UUID, String> achievements) {
        List<Row> resolved = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (row.error().isPresent() || row.achievementName() == null) {
                resolved.add(row);
                continue;
            }
            String wanted = row.achievementName().strip().toLowerCase(Locale.ROOT);
            List<UUID> fits = achievements.entrySet().stream()
                    .filter(a -> a.getValue().strip().toLowerCase(Locale.ROOT).equals(wanted))
                    .map(Map.Entry::getKey)
                    .toList();
            Optional<BulkRowError> error;
            if (row.achievementId() != null) {
                error = fits.contains(row.achievementId())
                        ? Optional.empty()
                        : Optional.of(BulkRowError.ACHIEVEMENT_MISMATCH);
            } else {
                error = switch (fits.size()) {
                    case 0 -> Optional.of(BulkRowError.ACHIEVEMENT_NAME_UNKNOWN);
                    case 1 -> Optional.empty();
                    default -> Optional.of(BulkRowError.ACHIEVEMENT_NAME_AMBIGUOUS);
                };
            }
            resolved.add(
                    error.isPresent()
                            ? failed(row.number(), error.get())
                            : new Row(
                                    row.number(),
                                    row.achievementId() != null ? row.achievementId() : fits.get(0),
                                    row.achievementName(),
                                    row.email(),
                                    row.did(),
                                    row.validUntil(),
                                    row.idempotencyKey(),
                                    Optional.empty(),
                                    row.results()));
        }
        return resolved;
    }

    /**
     * Checks each row's results against its achievement's result descriptions, as the issuance will
     * ({@link Issuance#checkResults}), so a wrong grade is that row's error, with its line number, before anything is
     * issued. {@code reasons} receives the plain reason for each row refused here, by row number.
     */
    static List<Row> checkResults(
            List<Row> rows, Map<UUID, AchievementDefinition> achievements, Map<Integer, String> reasons) {
        List<Row> checked = new ArrayList<>(rows.size());
        for (Row row : rows) {
            AchievementDefinition achievement =
                    row.achievementId() == null ? null : achievements.get(row.achievementId());
            if (row.error().isPresent() || row.results() == null || achievement == null) {
                checked.add(row); // an unknown achievement is reported when the row is issued
                continue;
            }
            try {
                Issuance.checkResults(
                        achievement,
                        results(row.results()).stream()
                                .map(r -> new Issuance.StatedResult(r.getKey(), r.getValue()))
                                .toList());
                checked.add(row);
            } catch (PlatformException wrong) {
                reasons.put(
                        row.number(),
                        wrong.fieldErrors().isEmpty()
                                ? BulkRowError.RESULTS.reason()
                                : "results: " + wrong.fieldErrors().get(0).message());
                checked.add(failed(row.number(), BulkRowError.RESULTS));
            }
        }
        return checked;
    }

    /**
     * A file to fill in for one achievement: the header and one example row naming it (by id as well when another of
     * the organization's achievements has the same name), with an example of each result it describes (a rubric's
     * top level, a letter grade's first letter, a percent of 87) in the {@code results} column.
     */
    static String template(AchievementDefinition achievement, boolean nameShared) {
        String results = achievement.resultDescriptions().stream()
                .map(d -> d.name() + "="
                        + switch (d.type()) {
                            case RUBRIC -> d.levels().getLast().name();
                            case LETTER_GRADE -> d.allowedValue().getFirst();
                            case PERCENT -> "87";
                        })
                .collect(java.util.stream.Collectors.joining("; "));
        return "achievement,achievement_id,recipient_email,recipient_did,valid_until,idempotency_key,results\r\n"
                + quoted(achievement.name()) + ","
                + (nameShared ? achievement.id().toString() : "")
                + ",learner@example.org,,,," + (results.isEmpty() ? "" : quoted(results)) + "\r\n";
    }

    private static String quoted(String value) {
        // a leading =, +, - or @ would be a formula in a spreadsheet: quote it and keep it text with a leading '
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static Optional<Instant> instant(String value) {
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Optional.of(
                        LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static String field(List<String> fields, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        return index == null ? "" : fields.get(index).strip();
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw PlatformException.invalid(
                        "file",
                        "Unknown column \"" + abbreviate(name) + "\" in the header; use " + String.join(", ", COLUMNS)
                                + ".");
            }
            if (header.put(name, i) != null) {
                throw PlatformException.invalid("file", "The column " + name + " appears twice in the header.");
            }
        }
        if ((!header.containsKey("achievement_id") && !header.containsKey("achievement"))
                || (!header.containsKey("recipient_email") && !header.containsKey("recipient_did"))) {
            throw PlatformException.invalid(
                    "file",
                    "The header must name achievement (or achievement_id) and recipient_email or recipient_did.");
        }
        return header;
    }

    /** RFC 4180 records, blank ones left out, read by the platform's one CSV reader. */
    static List<List<String>> records(String text) {
        try {
            return CsvRecords.read(new StringReader(text));
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid("file", e.getMessage());
        }
    }

    private static boolean isBlank(List<String> fields) {
        return fields.stream().allMatch(String::isBlank);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw PlatformException.invalid("file", "The CSV is not UTF-8 text.");
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
