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

        /** Saves one rule: a new one, or a replacement of the college's rule named by {@code id}. */
        void save(ArticulationRules service, Organization college, Optional<UUID> id, RuleDraft draft, int row) {
            try {
                if (id.isPresent()
                        && service.find(id.get())
                                .filter(r -> r.organization().equals(college.id()))
                                .isPresent()) {
                    rules.add(service.update(college, id.get(), draft).id());
                    updated++;
                } else {
                    rules.add(service.create(college, draft).id());
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
