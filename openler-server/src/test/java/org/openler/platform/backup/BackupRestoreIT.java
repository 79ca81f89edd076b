package org.openler.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openler.platform.issuers.Issuer;
import org.openler.platform.issuers.IssuerKeys;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.sharing.ShareKit;
import org.openler.platform.support.Instances;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.verification.Verification;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.Wallet;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.did.DidWeb;
import org.openler.standards.verify.VerificationReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The documented backup (docs/backup-and-restore.md): {@code pg_dump} of the database, plus the master key kept apart.
 * The dump is restored into an empty database and a second instance started on it with the same master key and public
 * URL: every
 * active credential verifies there exactly as here, every issuer's private key is unsealed and signs (and matches the
 * published public key), and every learner's wallet holds the same credentials, byte for byte.
 */
@PlatformTest
class BackupRestoreIT {

    @Autowired
    ShareKit shareKit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Wallet wallet;

    @Autowired
    IssuerKeys keys;

    @Autowired
    Verification verification;

    @Value("${spring.datasource.url}")
    String url;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Value("${spring.datasource.username}")
    String user;

    private record Stored(UUID id, String document) {}

    private record Org(OrganizationId id, String slug) {}

    @Test
    void aDumpAndTheMasterKeyBringBackEveryCredentialEveryIssuerKeyAndEveryWallet() throws Exception {
        var holders = List.of(shareKit.holder("Backup Badge One"), shareKit.holder("Backup Badge Two", "Elsewhere"));
        List<Stored> credentials = jdbc.sql("select id, document from issued_credential where status = 'ACTIVE'"
                        + " and (valid_until is null or valid_until > now()) order by issued_at desc limit 200")
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        Map<UUID, Boolean> verdicts = new LinkedHashMap<>();
        for (Stored credential : credentials) {
            verdicts.put(
                    credential.id(), verify(verification, credential.document()).verified());
        }
        for (var holder : holders) {
            assertThat(verdicts).containsEntry(holder.issued().id().value(), true);
        }
        List<Org> issuers = jdbc.sql("select distinct o.id, o.slug from organization o join issuer_key k"
                        + " on k.organization_id = o.id")
                .query((rs, n) -> new Org(new OrganizationId(rs.getObject(1, UUID.class)), rs.getString(2)))
                .list();
        Map<Org, String> publicKeys = new LinkedHashMap<>();
        for (Org org : issuers) {
            publicKeys.put(org, publicKey(keys, org));
        }
        Map<AccountId, List<String>> wallets = new LinkedHashMap<>();
        for (var holder : holders) {
            wallets.put(
                    holder.account().id(), documents(wallet, holder.account().id()));
        }
        assertThat(wallets.values()).allSatisfy(held -> assertThat(held).isNotEmpty());

        URI database = URI.create(url.substring("jdbc:".length()));
        String source = database.getPath().substring(1);
        String restored = source + "_restore";
        Path dump = Files.createTempFile("openler-backup", ".dump");
        try {
            postgres(database, "pg_dump", "-Fc", "-f", dump.toString(), source);
            postgres(database, "dropdb", "--if-exists", restored);
            postgres(database, "createdb", restored);
            postgres(database, "pg_restore", "--no-owner", "-d", restored, dump.toString());

            ConfigurableApplicationContext other = Instances.start(
                    "--openler.public-url=http://localhost:" + port,
                    "--spring.datasource.url=jdbc:postgresql://" + database.getHost() + ":" + database.getPort() + "/"
                            + restored);
            try {
                assertThat(other.getBean(org.openler.platform.kernel.PlatformUrls.class)
                                .host())
                        .as("the restored instance's public host")
                        .isEqualTo("localhost:" + port);
                Verification there = other.getBean(Verification.class);
                JdbcClient thereJdbc = other.getBean(JdbcClient.class);
                for (Stored credential : credentials) {
                    String document = thereJdbc
                            .sql("select document from issued_credential where id = ?")
                            .param(credential.id())
                            .query(String.class)
                            .single();
                    assertThat(document).as("the signed bytes, unchanged").isEqualTo(credential.document());
                    VerificationReport report = verify(there, document);
                    assertThat(report.verified())
                            .as(
                                    "credential %s verifies after the restore as before: %s",
                                    credential.id(), report.failures())
                            .isEqualTo(verdicts.get(credential.id()));
                }
                IssuerKeys thereKeys = other.getBean(IssuerKeys.class);
                for (Org org : issuers) {
                    assertThat(publicKey(thereKeys, org))
                            .as("the issuer %s signs with the same key", org.slug())
                            .isEqualTo(publicKeys.get(org));
                }
                Wallet thereWallet = other.getBean(Wallet.class);
                wallets.forEach((owner, held) -> assertThat(documents(thereWallet, owner))
                        .as("the wallet of " + owner)
                        .isEqualTo(held));
            } finally {
                Instances.stop(other);
            }
        } finally {
            Files.deleteIfExists(dump);
            postgres(database, "dropdb", "--if-exists", restored);
        }
    }

    /** Unseals the organization's signing key (the master key is needed), signs with it, and names its public key. */
    private static String publicKey(IssuerKeys keys, Org org) {
        // The DID only names the key's verification method; the key is the organization's whatever the host.
        IssuerKeys.SigningKey key = keys.signingKey(
                new Issuer(org.id(), org.slug(), org.slug(), DidWeb.forOrganization("localhost", org.slug())));
        byte[] message = ("restored " + org.slug()).getBytes(StandardCharsets.UTF_8);
        byte[] signature = Ed25519.sign(key.keyPair(), message);
        assertThat(Ed25519.verify(key.keyPair().publicKey(), message, signature))
                .as("the key of %s signs", org.slug())
                .isTrue();
        return java.util.HexFormat.of().formatHex(key.keyPair().publicKey().bytes());
    }

    private static List<String> documents(Wallet wallet, AccountId owner) {
        List<String> documents = new ArrayList<>();
        for (HeldCredential held : wallet.list(owner, true)) {
            documents.add(held.id() + " " + wallet.document(owner, new HeldCredentialId(held.id())));
        }
        return documents;
    }

    private static VerificationReport verify(Verification verification, String document) {
        return document.startsWith("{")
                ? verification.verifyCredential(document.getBytes(StandardCharsets.UTF_8))
                : verification.verifyJwt(document);
    }

    /** A PostgreSQL client tool against the test database's server, as its user. */
    private void postgres(URI database, String tool, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(tool, "-h", database.getHost(), "-p", Integer.toString(database.getPort()), "-U", user));
        command.addAll(List.of(arguments));
        run(command.toArray(String[]::new));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES))
                .as(String.join(" ", command))
                .isTrue();
        assertThat(process.exitValue()).as(command[0] + ": " + output).isZero();
    }
}
