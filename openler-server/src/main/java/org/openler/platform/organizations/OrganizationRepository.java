package org.openler.platform.organizations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.kernel.StaffRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository {

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Organization organization) {
        jdbc.sql("insert into organization (id, slug, name, kind, created_at) values (?, ?, ?, ?, ?)")
                .params(
                        organization.id().value(),
                        organization.slug(),
                        organization.name(),
                        organization.kind().name(),
                        Timestamp.from(organization.createdAt()))
                .update();
    }

    Optional<Organization> findBySlug(String slug) {
        return jdbc.sql("select id, slug, name, kind, created_at from organization where slug = ?")
                .param(slug)
                .query(OrganizationRepository::organization)
                .optional();
    }

    Optional<Organization> findById(OrganizationId id) {
        return jdbc.sql("select id, slug, name, kind, created_at from organization where id = ?")
                .param(id.value())
                .query(OrganizationRepository::organization)
                .optional();
    }

    List<Organization> ofAccount(AccountId account) {
        return jdbc.sql("select o.id, o.slug, o.name, o.kind, o.created_at from organization o"
                        + " join membership m on m.organization_id = o.id where m.account_id = ? order by o.name")
                .param(account.value())
                .query(OrganizationRepository::organization)
                .list();
    }

    Optional<StaffRole> roleOf(AccountId account, OrganizationId organization) {
        return jdbc.sql("select role from membership where organization_id = ? and account_id = ?")
                .params(organization.value(), account.value())
                .query((rs, n) -> StaffRole.valueOf(rs.getString(1)))
                .optional();
    }

    /** Adds the membership, or changes the role of an existing one. */
    void putMember(OrganizationId organization, AccountId account, StaffRole role, Instant at) {
        int updated = jdbc.sql("update membership set role = ?" + " where organization_id = ? and account_id = ?")
                .params(role.name(), organization.value(), account.value())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into membership (organization_id, account_id, role, created_at) values (?, ?, ?, ?)")
                    .params(organization.value(), account.value(), role.name(), Timestamp.from(at))
                    .update();
        }
    }

    boolean removeMember(OrganizationId organization, AccountId account) {
        return jdbc.sql("delete from membership where organization_id = ? and account_id = ?")
                        .params(organization.value(), account.value())
                        .update()
                == 1;
    }

    void deleteInvitationsTo(String email) {
        jdbc.sql("delete from invitation where lower(email) = ?").param(email).update();
    }

    long countAdmins(OrganizationId organization) {
        return jdbc.sql("select count(*) from membership where organization_id = ? and role = 'ADMIN'")
                .param(organization.value())
                .query(Long.class)
                .single();
    }

    List<Member> members(OrganizationId organization) {
        // Reads the account's name and e-mail through a join: staff see their colleagues' contact details.
        return jdbc.sql("select a.id, a.display_name, a.email, m.role, m.created_at from membership m"
                        + " join account a on a.id = m.account_id where m.organization_id = ?"
                        + " order by a.display_name")
                .param(organization.value())
                .query((rs, n) -> new Member(
                        new AccountId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        rs.getString(3),
                        StaffRole.valueOf(rs.getString(4)),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    void insertInvitation(Invitation invitation, String tokenHash, AccountId invitedBy) {
        jdbc.sql("insert into invitation (id, organization_id, email, role, token_hash, invited_by, created_at,"
                        + " expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        invitation.id(),
                        invitation.organization().value(),
                        invitation.email(),
                        invitation.role().name(),
                        tokenHash,
                        invitedBy.value(),
                        Timestamp.from(invitation.createdAt()),
                        Timestamp.from(invitation.expiresAt()))
                .update();
    }

    Optional<Invitation> invitationByTokenHash(String tokenHash) {
        return jdbc.sql("select id, organization_id, email, role, created_at, expires_at, accepted_at from invitation"
                        + " where token_hash = ?")
                .param(tokenHash)
                .query(OrganizationRepository::invitation)
                .optional();
    }

    List<Invitation> openInvitations(OrganizationId organization, Instant now) {
        return jdbc.sql("select id, organization_id, email, role, created_at, expires_at, accepted_at from invitation"
                        + " where organization_id = ? and accepted_at is null and expires_at > ? order by created_at")
                .params(organization.value(), Timestamp.from(now))
                .query(OrganizationRepository::invitation)
                .list();
    }

    /** Marks the invitation accepted; false if someone else got there first. */
    boolean markAccepted(UUID invitation, AccountId account, Instant at) {
        return jdbc.sql("update invitation set accepted_at = ?, accepted_by = ? where id = ? and accepted_at is null")
                        .params(Timestamp.from(at), account.value(), invitation)
                        .update()
                == 1;
    }

    private static Organization organization(ResultSet rs, int row) throws SQLException {
        return new Organization(
                new OrganizationId(rs.getObject("id", UUID.class)),
                rs.getString("slug"),
                rs.getString("name"),
                Organization.Kind.valueOf(rs.getString("kind")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Invitation invitation(ResultSet rs, int row) throws SQLException {
        Timestamp accepted = rs.getTimestamp("accepted_at");
        return new Invitation(
                rs.getObject("id", UUID.class),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                rs.getString("email"),
                StaffRole.valueOf(rs.getString("role")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                instant(accepted));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
