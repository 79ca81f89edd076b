package org.openler.platform.clients;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.keys.SecretTokens;
import org.openler.platform.problems.PlatformException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Machine clients: created, rotated and deleted by an organization's admins. The secret is shown once, at creation
 * or rotation; only its hash is kept (by the authorization server's client table).
 */
@Service
public class MachineClientService {

    /** Scopes a machine client may ask for. Later features check them on their routes. */
    public static final List<String> SCOPES = List.of("credentials:issue", "credentials:status", "organization:read");

    private final JdbcClient jdbc;
    private final RegisteredClientRepository registeredClients;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    MachineClientService(
            JdbcClient jdbc,
            RegisteredClientRepository registeredClients,
            PasswordEncoder passwords,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.registeredClients = registeredClients;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new client and its secret, which the caller shows once. */
    public record Created(MachineClient client, String secret) {}

    @Transactional
    public Created create(OrganizationId organization, String orgSlug, String name, Actor.Person by) {
        String clientId = orgSlug + "-"
                + SecretTokens.newToken().substring(0, 10).toLowerCase().replaceAll("[^a-z0-9]", "x");
        String secret = SecretTokens.newToken();
        return register(organization, clientId, secret, name, by);
    }

    /**
     * Registers a client with a chosen id and secret. Used by demo mode for the documented {@code demo-issuer} client;
     * real clients get generated ids and secrets from {@link #create}.
     */
    @Transactional
    public Created register(OrganizationId organization, String clientId, String secret, String name, Actor by) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw PlatformException.invalid("name", "Name the client (up to 200 characters).");
        }
        if (registeredClients.findByClientId(clientId) != null) {
            throw PlatformException.conflict("A client with this id already exists.");
        }
        Instant now = clock.instant();
        RegisteredClient registered = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientIdIssuedAt(now)
                .clientSecret(passwords.encode(secret))
                .clientName(trimmed)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(SCOPES))
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(Duration.ofMinutes(15))
                        .build())
                .build();
        registeredClients.save(registered);
        jdbc.sql("insert into machine_client (client_id, registered_client_id, organization_id, name, created_by,"
                        + " created_at, secret_rotated_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        clientId,
                        registered.getId(),
                        organization.value(),
                        trimmed,
                        by instanceof Actor.Person p ? p.accountId().value() : null,
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        audit.record(AuditEvent.success(AuditAction.CLIENT_CREATED, by, organization, "client:" + clientId));
        return new Created(new MachineClient(clientId, organization, trimmed, now, now), secret);
    }

    public List<MachineClient> list(OrganizationId organization) {
        return jdbc.sql("select client_id, organization_id, name, created_at, secret_rotated_at from machine_client"
                        + " where organization_id = ? order by created_at")
                .param(organization.value())
                .query((rs, n) -> new MachineClient(
                        rs.getString(1),
                        new OrganizationId(rs.getObject(2, UUID.class)),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** The organization a client acts for. */
    public Optional<OrganizationId> organizationOf(String clientId) {
        return jdbc.sql("select organization_id from machine_client where client_id = ?")
                .param(clientId)
                .query((rs, n) -> new OrganizationId(rs.getObject(1, UUID.class)))
                .optional();
    }

    /** Replaces the secret; the old one stops working at once. Returns the new secret, shown once. */
    @Transactional
    public String rotateSecret(OrganizationId organization, String clientId, Actor.Person by) {
        RegisteredClient current = owned(organization, clientId);
        String secret = SecretTokens.newToken();
        registeredClients.save(RegisteredClient.from(current)
                .clientSecret(passwords.encode(secret))
                .build());
        jdbc.sql("update machine_client set secret_rotated_at = ? where client_id = ?")
                .params(Timestamp.from(clock.instant()), clientId)
                .update();
        // Tokens already issued under the old secret stay valid until they expire (15 minutes); revoke them now.
        jdbc.sql("delete from oauth2_authorization where registered_client_id = ?")
                .param(current.getId())
                .update();
        audit.record(AuditEvent.success(AuditAction.CLIENT_SECRET_ROTATED, by, organization, "client:" + clientId));
        return secret;
    }

    @Transactional
    public void delete(OrganizationId organization, String clientId, Actor.Person by) {
        RegisteredClient current = owned(organization, clientId);
        jdbc.sql("delete from machine_client where client_id = ?")
                .param(clientId)
                .update();
        jdbc.sql("delete from oauth2_authorization where registered_client_id = ?")
                .param(current.getId())
                .update();
        jdbc.sql("delete from oauth2_registered_client where id = ?")
                .param(current.getId())
                .update();
        audit.record(AuditEvent.success(AuditAction.CLIENT_DELETED, by, organization, "client:" + clientId));
    }

    private RegisteredClient owned(OrganizationId organization, String clientId) {
        boolean owns = organizationOf(clientId).filter(organization::equals).isPresent();
        RegisteredClient client = owns ? registeredClients.findByClientId(clientId) : null;
        if (client == null) {
            throw PlatformException.notFound("The client");
        }
        return client;
    }
}
