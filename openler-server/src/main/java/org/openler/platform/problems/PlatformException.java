package org.openler.platform.problems;

import java.io.Serializable;
import java.util.List;

/**
 * The platform's one exception: a {@link Problem} plus a human-readable detail that is safe to show to the caller
 * (no personal data, no internals). Optional field errors say which inputs were wrong.
 */
public final class PlatformException extends RuntimeException {

    private final Problem problem;
    private final List<FieldError> fieldErrors;

    public PlatformException(Problem problem, String detail) {
        this(problem, detail, List.of());
    }

    public PlatformException(Problem problem, String detail, List<FieldError> fieldErrors) {
        super(detail);
        this.problem = problem;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static PlatformException notFound(String what) {
        return new PlatformException(Problem.NOT_FOUND, what + " was not found.");
    }

    public static PlatformException invalid(String field, String message) {
        return new PlatformException(
                Problem.INVALID_INPUT, "Some fields are not valid.", List.of(new FieldError(field, message)));
    }

    public static PlatformException conflict(String detail) {
        return new PlatformException(Problem.CONFLICT, detail);
    }

    public Problem problem() {
        return problem;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** What a person reads on the page: the first wrong field's message when fields are named, else the detail. */
    public String personMessage() {
        return fieldErrors.isEmpty() ? detail() : fieldErrors.get(0).message();
    }

    /**
     * Every wrong field's message, each once, one after another, else the detail: for a page that shows all that is
     * wrong with a long form at once (a job's requirements, a talent search).
     */
    public String personMessages() {
        return fieldErrors.isEmpty()
                ? detail()
                : String.join(
                        " ",
                        fieldErrors.stream().map(FieldError::message).distinct().toList());
    }

    /**
     * One wrong input: the field's name and what is wrong with it. Serializable because pages pass field errors on
     * as flash attributes, which live in the (JDBC-stored, so serialized) session until the redirect is followed;
     * without it, a form with an invalid field answered 500 (found by BadInputIT).
     */
    public record FieldError(String field, String message) implements Serializable {}
}
