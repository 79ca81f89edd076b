package org.openler.platform.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openler.platform.accounts.Account;
import org.openler.platform.issuing.Issuance;
import org.openler.platform.status.CredentialStatuses;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.Claims;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.WalletImport;
import org.openler.platform.wallet.WalletKit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A learner with credentials in the wallet (one issued here, others from elsewhere), signed in over HTTP, making
 * shares through the API; and the {@link ShareOpened} events the platform published.
 */
@Component
public class ShareKit {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final Fixtures fixtures;
    final WalletKit wallet;
    final Claims claims;
    final WalletImport imports;
    final Issuance issuance;
    final CredentialStatuses statuses;
    final org.openler.platform.wallet.Wallet heldWallet;
    final List<ShareOpened> events = new CopyOnWriteArrayList<>();

    ShareKit(
            Fixtures fixtures,
            WalletKit wallet,
            Claims claims,
            WalletImport imports,
            Issuance issuance,
            CredentialStatuses statuses,
            org.openler.platform.wallet.Wallet heldWallet) {
        this.fixtures = fixtures;
        this.wallet = wallet;
        this.claims = claims;
        this.imports = imports;
        this.issuance = issuance;
        this.statuses = statuses;
        this.heldWallet = heldWallet;
    }

    @EventListener
    void on(ShareOpened opened) {
        events.add(opened);
    }

    /** A learner and the wallet ids of what they hold, in this order: issued here, then each named one from elsewhere. */
    public record Holder(Account account, WalletKit.Provider provider, Issuance.Issued issued, List<UUID> held) {}

    public Holder holder(String issuedName, String... elsewhere) {
        Account learner = fixtures.learner();
        WalletKit.Provider provider = wallet.provider(issuedName);
        Issuance.Issued issued = wallet.issue(provider, learner.email().value());
        List<UUID> held = new ArrayList<>();
        held.add(claims.placeForDemo(learner.id(), issued.id()));
        for (String name : elsewhere) {
            held.addAll(imports.importFile(
                    Fixtures.person(learner), WalletKit.elsewhere(name).getBytes(StandardCharsets.UTF_8)));
        }
        return new Holder(learner, provider, issued, held);
    }

    /** The exact bytes of the holder's n-th credential. */
    String wallet(Holder holder, int n) {
        return heldWallet.document(
                holder.account().id(), new HeldCredentialId(holder.held().get(n)));
    }

    static WebClient signedIn(int port, Account account) {
        WebClient web = WebClient.on(port);
        web.signIn(account.email().value(), Fixtures.PASSWORD);
        return web;
    }

    /** POSTs JSON as the signed-in person's program would from the browser: session cookie and CSRF header. */
    static HttpResponse<String> postJson(WebClient web, String path, String body) {
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", web.csrfToken("/wallet"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A share made through the API: its id and the link's path ({@code /share/<token>}). */
    record Made(UUID id, String path, JsonNode answer) {}

    static Made share(WebClient web, List<UUID> credentials, String party) {
        String ids = String.join(
                ",", credentials.stream().map(id -> "\"" + id + "\"").toList());
        HttpResponse<String> created = postJson(
                web,
                "/api/v1/shares",
                "{\"credentials\": [" + ids + "], \"party\": \"" + party + "\", \"purpose\": \"Hiring for the night"
                        + " shift\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(created.body());
        String url = answer.path("url").asString();
        return new Made(
                UUID.fromString(answer.path("share").path("id").asString()),
                URI.create(url).getPath(),
                answer);
    }
}
