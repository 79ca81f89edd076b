package org.openler.platform.bulk;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why one row of a bulk job was not issued: a stable code (the pages translate it as {@code bulk.error.<code>}) and
 * a plain English reason for the API.
 */
enum BulkRowError {
    COLUMNS("columns", "The row does not have as many columns as the header."),
    ACHIEVEMENT_ID("achievement-id", "achievement_id: not a valid id."),
    ACHIEVEMENT_UNKNOWN("achievement-unknown", "achievement_id: no such achievement in this organization."),
    ACHIEVEMENT_MISSING(
            "achievement-missing", "Give the achievement: its name (achievement) or its id (achievement_id)."),
    ACHIEVEMENT_NAME_UNKNOWN(
            "achievement-name-unknown", "achievement: no achievement of this organization has this name."),
    ACHIEVEMENT_NAME_AMBIGUOUS(
            "achievement-name-ambiguous",
            "achievement: several achievements of this organization have this name; give its achievement_id instead."),
    ACHIEVEMENT_MISMATCH(
            "achievement-mismatch", "achievement and achievement_id name different achievements; give one of them."),
    RECIPIENT("recipient", "Give recipient_email or recipient_did (exactly one of them)."),
    EMAIL("email", "recipient_email: not a valid e-mail address."),
    DID("did", "recipient_did: not a valid DID."),
    VALID_UNTIL_FORMAT(
            "valid-until-format", "valid_until: use an ISO 8601 date or instant, e.g. 2030-01-01T00:00:00Z."),
    VALID_UNTIL_PAST("valid-until-past", "valid_until: must be in the future."),
    KEY_TOO_LONG("key-too-long", "idempotency_key: at most 200 characters."),
    RESULTS_TOO_LONG("results-too-long", "results: at most 2000 characters."),
    RESULTS_FORMAT("results-format", "results: write Name=Value pairs separated by ; (e.g. Final grade=B; Exam=87)."),
    /** A result the achievement does not describe or a value it does not allow; the row's reason says which. */
    RESULTS("results", "results: not a result this achievement states, or a value it does not allow."),
    REFUSED("refused", "The credential could not be issued."),
    GAVE_UP("gave-up", "Not issued after several attempts; submit this row again.");

    private final String code;
    private final String reason;

    BulkRowError(String code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    String code() {
        return code;
    }

    String reason() {
        return reason;
    }

    static Optional<BulkRowError> of(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
    }
}
