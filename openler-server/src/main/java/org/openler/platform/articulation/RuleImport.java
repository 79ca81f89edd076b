package org.openler.platform.articulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.organizations.Organization;
import org.openler.platform.problems.PlatformException;

/**
 * The answer to an import: how many rules were read, created and replaced, and every refused row (its number in the
 * file, or the profile's position in a CTDL graph) with a stable code and a plain reason, in the shape of the bulk
 * issuing job's row errors.
 */
final class RuleImport {

    private RuleImport() {}

    record RowError(int row, String code, String reason) {}

    /**
     * One rule of a file to save (a group of CSV rows, or one CTDL profile): its row, the id of the college's rule it
     * replaces if any, and the draft, or why it cannot be saved.
     */
    record Unit(int row, Optional<UUID> id, Optional<RuleDraft> draft, Optional<RowError> refused) {

        static Unit of(int row, Optional<UUID> id, RuleDraft draft) {
            return new Unit(row, id, Optional.of(draft), Optional.empty());
        }

        static Unit refused(int row, String code, String reason) {
            return new Unit(row, Optional.empty(), Optional.empty(), Optional.of(new RowError(row, code, reason)));
        }
    }

    /**
     * A file read and checked, nothing saved yet: the rules to save in order, and the rows refused while reading
     * (wrong number of columns, too many rows). Reading the same bytes again gives the same units, so a job resumed
     * after a restart continues at the unit it reached.
     */
    record Parsed(List<RowError> early, List<Unit> units) {
        Parsed {
            early = List.copyOf(early);
            units = List.copyOf(units);
        }
    }

    /** Saves every unit, each rule in its own transaction, and reports (the synchronous import). */
    static Report run(Parsed parsed, ArticulationRules rules, Organization college) {
        Collector collector = new Collector();
        parsed.early().forEach(e -> collector.refuse(e.row(), e.code(), e.reason()));
        parsed.units().forEach(u -> collector.apply(rules, college, u));
        return collector.report();
    }

    record Report(int read, int created, int updated, List<RowError> errors, List<UUID> rules) {
        Report {
            errors = List.copyOf(errors);
            rules = List.copyOf(rules);
        }
    }

    /** Collects a report while rules are saved one by one (each in its own transaction). */
    static final class Collector {
        private int read;
        private int created;
        private int updated;
        private final List<RowError> errors = new ArrayList<>();
        private final List<UUID> rules = new ArrayList<>();

        void read() {
            read++;
        }

        void refuse(int row, String code, String reason) {
            if (errors.size() < 1000) {
                errors.add(new RowError(row, code, reason));
            }
        }

        /** Counts the unit as read, and saves it or records why it was refused. */
        void apply(ArticulationRules service, Organization college, Unit unit) {
            read();
            if (unit.refused().isPresent()) {
                RowError e = unit.refused().get();
                refuse(e.row(), e.code(), e.reason());
            } else {
                save(service, college, unit.id(), unit.draft().orElseThrow(), unit.row());
            }
        }

        /** Saves one rule: a new one, or a replacement of the college's rule named by {@code id}. */
        void save(ArticulationRules service, Organization college, Optional<UUID> id, RuleDraft draft, int row) {
            try {
                ArticulationRule saved = RuleImport.save(service, college, id, draft);
                rules.add(saved.id());
                if (saved.version() > 1) {
                    updated++;
                } else {
                    created++;
                }
            } catch (PlatformException refused) {
                refuse(row, code(refused), reason(refused));
            }
        }

        Report report() {
            return new Report(read, created, updated, errors, rules);
        }
    }

    /**
     * Saves one rule: a replacement of the college's rule named by {@code id} (a new version), or else a new rule.
     * Throws the refusal as the API would.
     */
    static ArticulationRule save(ArticulationRules service, Organization college, Optional<UUID> id, RuleDraft draft) {
        if (id.isPresent()
                && service.find(id.get())
                        .filter(r -> r.organization().equals(college.id()))
                        .isPresent()) {
            return service.update(college, id.get(), draft);
        }
        return service.create(college, draft);
    }

    static String code(PlatformException e) {
        return switch (e.problem()) {
            case INVALID_INPUT -> "invalid";
            case UNPROCESSABLE -> e.detail().contains("loop") ? "loop" : "unknown-source";
            case NOT_FOUND -> "unknown-rule";
            default -> "refused";
        };
    }

    static String reason(PlatformException e) {
        if (e.fieldErrors().isEmpty()) {
            return e.detail();
        }
        return String.join(
                " ",
                e.fieldErrors().stream()
                        .map(f -> f.field() + ": " + f.message())
                        .toList());
    }
}
