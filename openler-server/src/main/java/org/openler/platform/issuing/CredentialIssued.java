package org.openler.platform.issuing;

import java.util.Optional;
import java.util.UUID;
import org.openler.platform.kernel.OrganizationId;

/**
 * Published inside the issuing transaction when a credential is stored, so that a listener's writes (a claim message
 * in the outbox) commit or roll back with the credential itself.
 *
 * @param recipientEmail the lower-cased address it was issued to, if it was issued to an e-mail address
 */
public record CredentialIssued(UUID credentialId, OrganizationId organization, Optional<String> recipientEmail) {}
