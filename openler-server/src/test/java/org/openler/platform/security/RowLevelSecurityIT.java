package org.openler.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.WalletKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL itself keeps a learner's own-record requests to that learner's rows: inside a learner scope even a query
 * with no {@code where} at all sees only the learner's rows, and a row written for another account is refused. Outside
 * a scope the application sees every row, as share links and deletion need.
 */
@PlatformTest
class RowLevelSecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    WalletKit kit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void insideALearnersScopeAQueryWithoutWhereSeesOnlyThatLearnersCredentials() {
        Account a = learnerWithCredential("A's badge");
        Account b = learnerWithCredential("B's badge");

        long everyone = jdbc.sql("select count(*) from wallet_credential")
                .query(Long.class)
                .single();
        long seenByA = LearnerScope.as(
                a.id(),
                () -> jdbc.sql("select count(*) from wallet_credential")
                        .query(Long.class)
                        .single());
        long bSeenByA = LearnerScope.as(
                a.id(),
                () -> jdbc.sql("select count(*) from wallet_credential where account_id = ?")
                        .param(b.id().value())
                        .query(Long.class)
                        .single());

        assertThat(everyone).isGreaterThanOrEqualTo(2);
        assertThat(seenByA).isEqualTo(1);
        assertThat(bSeenByA).isZero();
    }

    @Test
    void insideALearnersScopeTransactionsAreLimitedToo() {
        Account a = learnerWithCredential("A's transactional badge");
        learnerWithCredential("B's transactional badge");
        Long seen = LearnerScope.as(
                a.id(),
                () -> transactions.execute(
                        status -> jdbc.sql("select count(distinct account_id) from wallet_credential")
                                .query(Long.class)
                                .single()));
        assertThat(seen).isEqualTo(1);
    }

    @Test
    void aLearnerCannotWriteARowForAnotherAccountNorChangeOne() {
        Account a = learnerWithCredential("A's own badge");
        Account b = learnerWithCredential("B's own badge");
        assertThatThrownBy(() -> LearnerScope.as(
                        a.id(),
                        () -> jdbc.sql(
                                        "insert into wallet_collection (id, account_id, name, created_at) values (?, ?, ?, now())")
                                .params(UUID.randomUUID(), b.id().value(), "planted")
                                .update()))
                .rootCause()
                .hasMessageContaining("row-level security");
        int changed = LearnerScope.as(
                a.id(),
                () -> jdbc.sql("update wallet_credential set hidden = true where account_id = ?")
                        .param(b.id().value())
                        .update());
        assertThat(changed).isZero();
    }

    @Test
    void connectionsGoBackToThePoolAsTheApplicationsOwn() {
        Account a = learnerWithCredential("A's pooled badge");
        learnerWithCredential("B's pooled badge");
        for (int i = 0; i < 20; i++) {
            LearnerScope.as(
                    a.id(),
                    () -> jdbc.sql("select count(*) from wallet_credential")
                            .query(Long.class)
                            .single());
        }
        String role = jdbc.sql("select current_user").query(String.class).single();
        long everyone = jdbc.sql("select count(*) from wallet_credential")
                .query(Long.class)
                .single();
        assertThat(role).isNotEqualTo(LearnerScopedDataSource.ROLE);
        assertThat(everyone).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theLearnersOwnPagesRunUnderTheScopeAndStillWork() {
        Account a = learnerWithCredential("A's page badge");
        WebClient web = WalletKit.signedIn(port, a);
        HttpResponse<String> wallet = web.get("/wallet", "text/html");
        assertThat(wallet.statusCode()).isEqualTo(200);
        assertThat(wallet.body()).contains("A&#39;s page badge");
    }

    private Account learnerWithCredential(String name) {
        Account learner = kit.fixtures.learner();
        WalletKit.importText(WalletKit.signedIn(port, learner), WalletKit.elsewhere(name));
        return learner;
    }
}
