package org.openler.platform.obapi;

import org.openler.platform.privacy.ErasedPerson;
import org.openler.platform.privacy.PersonReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a learner deletes their account, the authorization server's consents and authorizations (codes, tokens) it
 * keeps under the learner's sign-in name go too: those rows name the person by e-mail address and have no foreign key
 * to the account, so nothing else would remove them.
 */
@Component
class ObReferences implements PersonReferences {

    private final JdbcClient jdbc;

    ObReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(ErasedPerson person) {
        jdbc.sql("delete from oauth2_authorization_consent where principal_name = ?")
                .param(person.email())
                .update();
        jdbc.sql("delete from oauth2_authorization where principal_name = ?")
                .param(person.email())
                .update();
    }
}
