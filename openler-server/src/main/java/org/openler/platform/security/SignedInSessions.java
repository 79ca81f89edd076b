package org.openler.platform.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends everything a person is signed in with: their browser sessions (Spring Session's rows, found by the principal
 * name, which is the e-mail address) and what the authorization server granted them (authorizations and remembered
 * consents). For account deletion: every instance sees it at once, since both live in the database.
 */
@Service
public class SignedInSessions {

    private final JdbcClient jdbc;

    SignedInSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void endAll(String principalName) {
        // Attributes go with their session (foreign key on delete cascade).
        jdbc.sql("delete from spring_session where principal_name = ?")
                .param(principalName)
                .update();
        jdbc.sql("delete from oauth2_authorization where principal_name = ?")
                .param(principalName)
                .update();
        jdbc.sql("delete from oauth2_authorization_consent where principal_name = ?")
                .param(principalName)
                .update();
    }
}
