package org.openler.platform.issuing;

import org.openler.platform.privacy.ErasedPerson;
import org.openler.platform.privacy.PersonReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person deletes their account: the provider's records keep what was issued (the signed credential stays valid for
 * whoever holds it, and its status list keeps working) but no longer name the person. The recipient address typed by
 * the provider goes (the credential itself names only a salted hash of it); a staff member's "issued by" becomes the
 * pseudonym the audit trail uses. Bulk jobs forget the person in {@code BulkReferences}.
 */
@Component
class IssuingReferences implements PersonReferences {

    private final JdbcClient jdbc;

    IssuingReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(ErasedPerson person) {
        jdbc.sql("update issued_credential set recipient_email = null where recipient_email = ?")
                .param(person.email())
                .update();
        jdbc.sql("update issued_credential set issued_by = ? where issued_by = ?")
                .params(person.pseudonym(), person.auditName())
                .update();
    }
}
