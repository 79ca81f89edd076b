package org.openler.standards.verify;

/** The outcome of one check, with a plain-English reason. */
public sealed interface CheckResult {

    Check check();

    String message();

    record Passed(Check check, String message) implements CheckResult {}

    /** Accepted, but worth telling the user (an outdated context, a key read from a URL fragment). */
    record Warning(Check check, String message) implements CheckResult {}

    record Failed(Check check, String message, ProblemType problemType) implements CheckResult {}
}
