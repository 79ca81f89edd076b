package org.openler.platform.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openler.platform.issuing.IssuerClient;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** A full status list is closed and the next credential opens a new one (capacity 2 here, 65,536 by default). */
@PlatformTest
@TestPropertySource(properties = "openler.status-lists.capacity=2")
class StatusListRolloverIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFullListIsClosedAndTheNextCredentialOpensANewOneThatVerifies() {
        IssuerClient issuer = IssuerClient.aProvider(fixtures, port);
        List<String> credentials = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> issuer.issue("roll" + i + "@example.org"))
                .toList();

        List<Integer> perList = jdbc.sql("select count(*) from issued_credential c join status_list l"
                        + " on l.id = c.status_list_id where c.organization_id = ? group by l.list_number"
                        + " order by l.list_number")
                .param(issuer.provider.organization().id().value())
                .query(Integer.class)
                .list();
        assertThat(perList).containsExactly(2, 2, 1);
        assertThat(jdbc.sql("select count(*) from status_list where organization_id = ? and purpose = 'revocation'"
                                + " and closed_at is not null")
                        .param(issuer.provider.organization().id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(credentials.get(4)).contains("/status/revocation/3");
        for (String credential : credentials) {
            assertThat(issuer.verify(credential).statusCode()).isEqualTo(200);
        }
        issuer.changeStatus(credentials.get(4), "revoked");
        assertThat(issuer.verify(credentials.get(4)).body()).contains("problems/credential-revoked");
        assertThat(issuer.verify(credentials.get(0)).statusCode()).isEqualTo(200);
    }

    @Test
    void aCredentialWhoseDrawnIndexIsTakenDrawsAgainElsewhereAndSharesNoIndex() {
        IssuerClient issuer = IssuerClient.aProvider(fixtures, port);
        java.util.UUID organization = issuer.provider.organization().id().value();
        issuer.issue("first@example.org");
        java.util.UUID revocationList = jdbc.sql("select id from status_list where organization_id = ?"
                        + " and purpose = 'revocation' and closed_at is null")
                .param(organization)
                .query(java.util.UUID.class)
                .single();
        // Every index of the open revocation list is taken: whatever the pair draws there collides.
        jdbc.sql("insert into status_allocation (status_list_id, status_index, credential_id)"
                        + " select ?, g, gen_random_uuid() from generate_series(0, 131071) g on conflict do nothing")
                .param(revocationList)
                .update();

        String second = issuer.issue("second@example.org");

        record Row(java.util.UUID revocationList, java.util.UUID suspensionList) {}
        Row row = jdbc.sql("select status_list_id, suspension_list_id from issued_credential where organization_id = ?"
                        + " and recipient_email = 'second@example.org'")
                .param(organization)
                .query((rs, n) -> new Row(rs.getObject(1, java.util.UUID.class), rs.getObject(2, java.util.UUID.class)))
                .single();
        assertThat(row.revocationList()).isNotEqualTo(revocationList);
        assertThat(row.suspensionList()).isNotNull();
        assertThat(jdbc.sql(
                                "select count(*) from status_allocation a join issued_credential c on c.id = a.credential_id"
                                        + " where c.organization_id = ? and c.recipient_email = 'second@example.org'")
                        .param(organization)
                        .query(Integer.class)
                        .single())
                .as("exactly its two slots are held for it")
                .isEqualTo(2);
        assertThat(issuer.verify(second).statusCode()).isEqualTo(200);
    }
}
