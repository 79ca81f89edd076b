package org.openler.platform.bulk;

import org.openler.platform.privacy.ErasedPerson;
import org.openler.platform.privacy.PersonReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person deletes their account: the provider's bulk jobs keep their rows but no longer name the person. The
 * recipient address in a CSV row goes; a staff member's "submitted by" becomes the pseudonym the audit trail uses.
 */
@Component
class BulkReferences implements PersonReferences {

    private final JdbcClient jdbc;

    BulkReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(ErasedPerson person) {
        jdbc.sql("update bulk_row set recipient_email = null where recipient_email = ?")
                .param(person.email())
                .update();
        jdbc.sql("update bulk_job set submitted_by = ? where submitted_by = ?")
                .params(person.pseudonym(), person.auditName())
                .update();
    }
}
