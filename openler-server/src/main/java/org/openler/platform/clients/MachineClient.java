package org.openler.platform.clients;

import java.time.Instant;
import org.openler.platform.kernel.OrganizationId;

/** An organization's machine client (OAuth 2.0 client credentials). Its secret is never stored in clear. */
public record MachineClient(
        String clientId, OrganizationId organization, String name, Instant createdAt, Instant secretRotatedAt) {}
