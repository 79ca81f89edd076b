package org.openler.platform.articulation;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.openler.platform.articulation.ArticulationRule.Course;
import org.openler.platform.organizations.Organization;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.skills.CsvRecords;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registrar's CSV: one row per course granted; rows with the same {@code rule} make one rule (a rule's id, to
 * replace that rule, or any label to group new rows; empty: the row is a rule of its own). Import reads the file as a
 * stream of RFC 4180 records and saves rule by rule, answering every refused row with its number and reason; export
 * writes the same columns, so a file exported, edited and imported again replaces the rules it names.
 */
@Component
class RuleCsv {

    static final List<String> COLUMNS = List.of(
            "rule",
            "status",
            "source_kind",
            "source_ctid",
            "source_issuer",
            "source_name",
            "type",
            "course_code",
            "course_title",
            "credit_hours",
            "credit_type",
            "level",
            "course_ctid",
            "effective_from",
            "effective_until",
            "approved_by",
            "automatic",
            "minimum_result",
            "issued_after",
            "max_age_years",
            "also_requires",
            "notes");

    static final int MAX_ROWS = 20_000;

    private final ArticulationRules rules;

    RuleCsv(ArticulationRules rules) {
        this.rules = rules;
    }

    String write(List<ArticulationRule> list) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (ArticulationRule r : list) {
            for (Course c : r.courses()) {
                List<String> cells = List.of(
                        r.id().toString(),
                        RuleDraft.lower(r.status()),
                        RuleDraft.lower(r.source().kind()),
                        r.source().ctid().orElse(""),
                        r.source().issuer(),
                        r.source().name(),
                        RuleDraft.lower(r.type()),
                        c.code(),
                        c.title(),
                        c.creditHours().stripTrailingZeros().toPlainString(),
                        c.creditType(),
                        c.level(),
                        c.ctid().orElse(""),
                        r.effectiveFrom().toString(),
                        r.effectiveUntil().map(Object::toString).orElse(""),
                        r.approvedBy(),
                        Boolean.toString(r.automatic()),
                        r.conditions()
                                .minimumResult()
                                .map(m -> m.toPlainString())
                                .orElse(""),
                        r.conditions().issuedAfter().map(Object::toString).orElse(""),
                        r.conditions().maxAgeYears().map(Object::toString).orElse(""),
                        String.join(";", r.conditions().alsoRequires()),
                        r.notes());
                out.append(String.join(",", cells.stream().map(RuleCsv::quote).toList()))
                        .append("\r\n");
            }
        }
        return out.toString();
    }

    record Line(int number, Map<String, String> cells) {}

    RuleImport.Report importRows(Organization college, byte[] bytes) {
        return RuleImport.run(parse(bytes, MAX_ROWS), rules, college);
    }

    /** Reads the file into the rules it names (nothing saved); rows past {@code maxRows} are refused together. */
    RuleImport.Parsed parse(byte[] bytes, int maxRows) {
        List<RuleImport.RowError> early = new ArrayList<>();
        List<RuleImport.Unit> units = new ArrayList<>();
        Map<String, Integer> header = new HashMap<>();
        Map<String, List<Line>> groups = new LinkedHashMap<>();
        int[] number = {0};
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        read(new StringReader(text), fields -> {
            number[0]++;
            if (header.isEmpty()) {
                for (int i = 0; i < fields.size(); i++) {
                    header.put(fields.get(i).strip().toLowerCase(Locale.ROOT), i);
                }
                return;
            }
            if (number[0] > maxRows + 1) {
                return;
            }
            if (fields.size() != header.size()) {
                early.add(new RuleImport.RowError(
                        number[0], "columns", "The row does not have as many columns as the header."));
                return;
            }
            Map<String, String> cells = new HashMap<>();
            header.forEach((name, i) -> cells.put(name, fields.get(i).strip()));
            String key = cells.getOrDefault("rule", "");
            groups.computeIfAbsent(key.isEmpty() ? "#row" + number[0] : key, k -> new ArrayList<>())
                    .add(new Line(number[0], cells));
        });
        if (header.isEmpty() || !header.containsKey("source_name") || !header.containsKey("course_code")) {
            throw PlatformException.invalid(
                    "file", "The first row names the columns: " + String.join(",", COLUMNS) + ".");
        }
        if (number[0] > maxRows + 1) {
            early.add(
                    new RuleImport.RowError(maxRows + 2, "too-many-rows", "At most " + maxRows + " rows in one file."));
        }
        for (var group : groups.entrySet()) {
            List<Line> lines = group.getValue();
            Line first = lines.getFirst();
            RuleDraft draft;
            try {
                draft = RuleDraft.read(json(lines));
            } catch (PlatformException refused) {
                units.add(
                        RuleImport.Unit.refused(first.number(), RuleImport.code(refused), RuleImport.reason(refused)));
                continue;
            }
            Optional<UUID> id = Optional.empty();
            try {
                id = Optional.of(UUID.fromString(group.getKey()));
            } catch (IllegalArgumentException notAnId) {
                // a label that groups rows of a new rule
            }
            units.add(RuleImport.Unit.of(first.number(), id, draft));
        }
        return new RuleImport.Parsed(early, units);
    }

    /** The rows of one rule as the JSON form, so CSV and JSON are checked by the same code with the same words. */
    static ObjectNode json(List<Line> lines) {
        Map<String, String> r = lines.getFirst().cells();
        ObjectNode body = RuleDraft.JSON.createObjectNode();
        ObjectNode source = body.putObject("source");
        put(source, "kind", r.get("source_kind"));
        put(source, "ctid", r.get("source_ctid"));
        put(source, "issuer", r.get("source_issuer"));
        put(source, "name", r.get("source_name"));
        put(body, "status", r.get("status"));
        put(body, "type", r.get("type"));
        put(body, "effectiveFrom", r.get("effective_from"));
        put(body, "effectiveUntil", r.get("effective_until"));
        put(body, "approvedBy", r.get("approved_by"));
        put(body, "notes", r.get("notes"));
        String automatic = r.getOrDefault("automatic", "").toLowerCase(Locale.ROOT);
        if (automatic.equals("true") || automatic.equals("yes")) {
            body.put("automatic", true);
        } else if (!automatic.isEmpty() && !automatic.equals("false") && !automatic.equals("no")) {
            body.put("automatic", automatic);
        }
        ObjectNode conditions = body.putObject("conditions");
        put(conditions, "minimumResult", r.get("minimum_result"));
        put(conditions, "issuedAfter", r.get("issued_after"));
        String age = r.getOrDefault("max_age_years", "");
        if (!age.isEmpty()) {
            try {
                conditions.put("maxAgeYears", Integer.parseInt(age));
            } catch (NumberFormatException e) {
                conditions.put("maxAgeYears", age);
            }
        }
        var also = conditions.putArray("alsoRequires");
        for (String a : r.getOrDefault("also_requires", "").split(";")) {
            if (!a.isBlank()) {
                also.add(a.strip());
            }
        }
        var courses = body.putArray("courses");
        for (Line line : lines) {
            Map<String, String> c = line.cells();
            ObjectNode course = courses.addObject();
            put(course, "code", c.get("course_code"));
            put(course, "title", c.get("course_title"));
            course.put("creditHours", c.getOrDefault("credit_hours", ""));
            put(course, "creditType", c.get("credit_type"));
            put(course, "level", c.get("level"));
            put(course, "ctid", c.get("course_ctid"));
        }
        return body;
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }

    static String quote(String cell) {
        String safe = cell;
        // a cell that a spreadsheet would run as a formula is written as text
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0 && !safe.matches("-?[0-9.]+")) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    /** RFC 4180 records through the platform's one CSV reader; a text that breaks the format is the file's fault. */
    static void read(Reader in, Consumer<List<String>> records) {
        List<List<String>> all;
        try {
            all = CsvRecords.read(in);
        } catch (IllegalArgumentException broken) {
            throw PlatformException.invalid("file", broken.getMessage());
        }
        all.forEach(records);
    }
}
