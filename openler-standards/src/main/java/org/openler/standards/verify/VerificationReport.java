package org.openler.standards.verify;

import java.util.List;
import java.util.Optional;

/**
 * Every check of one verification, in order. Verified when none failed.
 *
 * @param embedded for a presentation, the report of each credential it carries (their outcome is also summarised in
 *     an {@link Check#EMBEDDED_CREDENTIAL} result)
 */
public record VerificationReport(List<CheckResult> results, List<VerificationReport> embedded) {

    public VerificationReport {
        results = List.copyOf(results);
        embedded = List.copyOf(embedded);
    }

    public VerificationReport(List<CheckResult> results) {
        this(results, List.of());
    }

    public boolean verified() {
        return results.stream().noneMatch(r -> r instanceof CheckResult.Failed);
    }

    /** The first failure: what a problem+json response reports. */
    public Optional<CheckResult.Failed> firstFailure() {
        return results.stream()
                .filter(r -> r instanceof CheckResult.Failed)
                .map(r -> (CheckResult.Failed) r)
                .findFirst();
    }

    public List<CheckResult.Failed> failures() {
        return results.stream()
                .filter(r -> r instanceof CheckResult.Failed)
                .map(r -> (CheckResult.Failed) r)
                .toList();
    }

    public List<CheckResult.Warning> warnings() {
        return results.stream()
                .filter(r -> r instanceof CheckResult.Warning)
                .map(r -> (CheckResult.Warning) r)
                .toList();
    }

    /** The result of one check, if it ran. */
    public Optional<CheckResult> result(Check check) {
        return results.stream().filter(r -> r.check() == check).findFirst();
    }
}
