package org.openler.platform.issuing;

import java.util.Optional;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.status.CredentialId;

/**
 * Published inside the issuing transaction when a credential is stored, so that a listener's writes (a claim message
 * in the outbox) commit or roll back with the credential itself.
 *
 * @param recipientEmail the lower-cased address it was issued to, if it was issued to an e-mail address
 */
public record CredentialIssued(
        CredentialId credentialId, OrganizationId organization, Optional<String> recipientEmail) {}
