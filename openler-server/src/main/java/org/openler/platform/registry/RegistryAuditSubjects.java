package org.openler.platform.registry;

import java.util.Optional;
import org.openler.platform.organizations.AuditSubjects;
import org.openler.platform.organizations.Organization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Names a registry entry in its organization's audit log: the credential's name, linked to its public page. */
@Component
class RegistryAuditSubjects implements AuditSubjects {

    private final JdbcClient jdbc;

    RegistryAuditSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Named> name(Organization organization, String kind, String id) {
        if (!kind.equals("registry")) {
            return Optional.empty();
        }
        return jdbc.sql(
                        "select name, published_version from registry_entry where entry_ctid = ? and organization_id = ?")
                .params(id, organization.id().value())
                .query((rs, n) -> new Named(rs.getString(1), rs.getInt(2) > 0 ? "/registry/resources/" + id : null))
                .optional();
    }
}
