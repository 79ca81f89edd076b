package org.openler.platform.accounts;

import java.time.Instant;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.AccountKind;

/** A person's account, without its password hash. */
public record Account(
        AccountId id,
        EmailAddress email,
        String displayName,
        AccountKind kind,
        String preferredLocale,
        boolean operator,
        Instant createdAt) {}
