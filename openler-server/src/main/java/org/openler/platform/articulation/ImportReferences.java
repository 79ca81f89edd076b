package org.openler.platform.articulation;

import org.openler.platform.privacy.ErasedPerson;
import org.openler.platform.privacy.PersonReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A staff member deletes their account: the college's import jobs stay, but their "submitted by" becomes the pseudonym
 * the audit trail uses, as bulk issuing's jobs do.
 */
@Component
class ImportReferences implements PersonReferences {

    private final JdbcClient jdbc;

    ImportReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(ErasedPerson person) {
        jdbc.sql("update articulation_import set submitted_by = ? where submitted_by = ?")
                .params(person.pseudonym(), person.auditName())
                .update();
    }
}
