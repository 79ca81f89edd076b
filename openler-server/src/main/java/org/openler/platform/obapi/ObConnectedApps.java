package org.openler.platform.obapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.Actor;
import org.openler.platform.problems.PlatformException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applications a learner let into their wallet through the Open Badges / CLR API, read from the authorization
 * server's own consent table, and their revocation: the consent and every authorization (codes, access and refresh
 * tokens) of that application for that learner are deleted, so its tokens stop working at once (a token must still be
 * on record to be accepted) and the next authorization request asks the learner again.
 *
 * <p>The authorization server names the learner by their sign-in name ({@code principal_name}); the caller passes
 * every name the learner may have signed in under.
 */
@Service
class ObConnectedApps {

    /** An application with access: its client id (which revocation names), its registered name, and its scopes. */
    record ConnectedApp(String clientId, String name, List<ObScopes.Known> scopes) {}

    private final JdbcClient jdbc;
    private final RegisteredClientRepository clients;
    private final AuditLog audit;

    ObConnectedApps(JdbcClient jdbc, RegisteredClientRepository clients, AuditLog audit) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.audit = audit;
    }

    List<ConnectedApp> list(Set<String> principalNames) {
        List<ConnectedApp> apps = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : principalNames) {
            List<String[]> rows = jdbc.sql("select registered_client_id, authorities from oauth2_authorization_consent"
                            + " where principal_name = ? order by registered_client_id")
                    .param(name)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .list();
            for (String[] row : rows) {
                RegisteredClient client = clients.findById(row[0]);
                if (client == null || !ObTokenSubject.isApiApplication(client) || !seen.add(client.getId())) {
                    continue;
                }
                List<ObScopes.Known> scopes = new ArrayList<>();
                for (String authority : row[1].split(",")) {
                    String scope = authority.strip().replaceFirst("^SCOPE_", "");
                    ObScopes.of(scope).ifPresent(scopes::add);
                }
                apps.add(new ConnectedApp(
                        client.getClientId(),
                        client.getClientName() == null ? client.getClientId() : client.getClientName(),
                        scopes));
            }
        }
        return apps;
    }

    /** Removes the application's access for the learner; not found when it had none. */
    @Transactional
    void revoke(Actor.Person learner, Set<String> principalNames, String clientId) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null || !ObTokenSubject.isApiApplication(client)) {
            throw PlatformException.notFound("The application");
        }
        int consents = 0;
        for (String name : principalNames) {
            consents += jdbc.sql("delete from oauth2_authorization_consent where registered_client_id = ?"
                            + " and principal_name = ?")
                    .params(client.getId(), name)
                    .update();
            consents += jdbc.sql(
                            "delete from oauth2_authorization where registered_client_id = ? and principal_name = ?")
                    .params(client.getId(), name)
                    .update();
        }
        if (consents == 0) {
            throw PlatformException.notFound("The application");
        }
        audit.record(AuditEvent.success(AuditAction.APP_ACCESS_REVOKED, learner, null, "client:" + clientId));
    }
}
