package org.openler.platform.organizations;

import java.time.Instant;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.StaffRole;

/** A staff member as shown to the organization's own staff. */
public record Member(AccountId accountId, String displayName, String email, StaffRole role, Instant since) {}
