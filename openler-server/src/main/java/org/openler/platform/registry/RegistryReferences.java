package org.openler.platform.registry;

import org.openler.platform.privacy.ErasedPerson;
import org.openler.platform.privacy.PersonReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A staff member who published registry entries deletes their account: "published by" becomes their pseudonym. */
@Component
class RegistryReferences implements PersonReferences {

    private final JdbcClient jdbc;

    RegistryReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(ErasedPerson person) {
        jdbc.sql("update registry_version set published_by = ? where published_by = ?")
                .params(person.pseudonym(), person.auditName())
                .update();
    }
}
