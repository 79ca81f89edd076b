package org.openler.platform.issuing;

import java.util.Optional;
import java.util.UUID;
import org.openler.platform.organizations.AuditSubjects;
import org.openler.platform.organizations.Organization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names issuing's audit subjects for the organization's log: a credential by its achievement's name (never its
 * recipient), an achievement by its name, each linked to the achievement's public page.
 */
@Component
class IssuingAuditSubjects implements AuditSubjects {

    private final JdbcClient jdbc;

    IssuingAuditSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Named> name(Organization organization, String kind, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        String sql = switch (kind) {
            case "credential" ->
                "select a.id, a.name from issued_credential c join achievement a on a.id ="
                        + " c.achievement_id where c.id = ? and c.organization_id = ?";
            case "achievement" -> "select id, name from achievement where id = ? and organization_id = ?";
            default -> null;
        };
        if (sql == null) {
            return Optional.empty();
        }
        return jdbc.sql(sql)
                .params(uuid, organization.id().value())
                .query((rs, n) -> new Named(
                        rs.getString(2), AchievementPages.path(organization.slug(), rs.getObject(1, UUID.class))))
                .optional();
    }
}
