package org.openler.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openler.platform.status.CredentialId;
import org.openler.platform.support.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A typed id goes to PostgreSQL as its UUID, without {@code .value()}: positional, named and in a list. */
@PlatformTest
class UuidIdBindingIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTypedIdIsBoundAsItsUuid() {
        AccountId account = AccountId.random();
        CredentialId credential = new CredentialId(UUID.randomUUID());

        assertThat(jdbc.sql("select ?::uuid").param(account).query(UUID.class).single())
                .isEqualTo(account.value());
        assertThat(jdbc.sql("select :id::uuid")
                        .param("id", credential)
                        .query(UUID.class)
                        .single())
                .isEqualTo(credential.value());
        assertThat(jdbc.sql("select count(*) from unnest(array[:a::uuid, :b::uuid]) u where u in (:ids)")
                        .param("a", account)
                        .param("b", credential)
                        .param("ids", List.of(account, credential))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }
}
