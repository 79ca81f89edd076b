package org.openler.platform.kernel;

/**
 * Something a learner's skills or findability are derived from changed: a self-asserted skill, a held credential's
 * bytes, the privacy center's "let others find me". Published inside the changing transaction, so a feature that
 * keeps a derived copy (the talent index's outbox) records the change in that same transaction.
 */
public record LearnerEvidenceChanged(AccountId learner) {}
