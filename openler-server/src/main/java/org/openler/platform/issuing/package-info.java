/**
 * Issuing verifiable credentials: an organization's Open Badges 3.0 achievements (aligned to the skills ontology,
 * linked to the Credential Registry), issuance in three formats (Data Integrity eddsa-rdfc-2022, VC-JWT, SD-JWT VC)
 * from OpenLER's own request or a caller-written VC-API {@code IssueCredentialRequest}, re-issuance to a wallet's DID,
 * CLR 2.0 learner records, and the store of issued credentials ({@link
 * org.openler.platform.issuing.IssuedCredentials}), which announces each one ({@link
 * org.openler.platform.issuing.CredentialIssued}). Keys and DIDs come from the issuers module, status entries and
 * status changes from the status module; bulk issuance builds on this one.
 */
@NullMarked
@ApplicationModule(
        allowedDependencies = {
            "accounts",
            "audit",
            "issuers",
            "kernel",
            "organizations",
            "privacy",
            "problems",
            "registry",
            "skills",
            "status",
            "transparency"
        })
package org.openler.platform.issuing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
