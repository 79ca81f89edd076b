package org.openler.platform.secondfactor;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Passkeys through Spring Security's WebAuthn support, stored with its JDBC repositories (tables of V37). The relying
 * party id is the host of {@code openler.public-url}; the allowed origin is that URL's origin. Without a public URL (the
 * demo, the tests) the relying party is {@code localhost} and the origin is added when the server knows its port.
 */
@Configuration
class PasskeyConfiguration {

    private final Set<String> allowedOrigins = ConcurrentHashMap.newKeySet();
    private final @Nullable URI publicUrl;

    PasskeyConfiguration(@Value("${openler.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl.isBlank() ? null : URI.create(publicUrl);
        if (this.publicUrl != null) {
            allowedOrigins.add(origin(this.publicUrl));
        }
    }

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUserEntities(JdbcOperations jdbc, JdbcClient client) {
        return new AccountLinkedUserEntities(new JdbcPublicKeyCredentialUserEntityRepository(jdbc), client);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }

    @Bean
    WebAuthnRelyingPartyOperations passkeyRelyingParty(
            PublicKeyCredentialUserEntityRepository userEntities, UserCredentialRepository credentials) {
        String rpId = publicUrl == null ? "localhost" : publicUrl.getHost();
        return new Webauthn4JRelyingPartyOperations(
                userEntities,
                credentials,
                PublicKeyCredentialRpEntity.builder().id(rpId).name("OpenLER").build(),
                allowedOrigins);
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (publicUrl == null) {
            allowedOrigins.add("http://localhost:" + event.getWebServer().getPort());
        }
    }

    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }

    /** Spring's repository, plus our link from the user entity to the account, so account deletion takes passkeys. */
    static final class AccountLinkedUserEntities implements PublicKeyCredentialUserEntityRepository {

        private final PublicKeyCredentialUserEntityRepository delegate;
        private final JdbcClient jdbc;

        AccountLinkedUserEntities(PublicKeyCredentialUserEntityRepository delegate, JdbcClient jdbc) {
            this.delegate = delegate;
            this.jdbc = jdbc;
        }

        @Override
        public @Nullable PublicKeyCredentialUserEntity findById(Bytes id) {
            return delegate.findById(id);
        }

        @Override
        public @Nullable PublicKeyCredentialUserEntity findByUsername(String username) {
            return delegate.findByUsername(username);
        }

        @Override
        public void save(PublicKeyCredentialUserEntity userEntity) {
            delegate.save(userEntity);
            jdbc.sql("update user_entities set account_id = (select a.id from account a where a.email = lower(name))"
                            + " where id = ?")
                    .param(userEntity.getId().toBase64UrlString())
                    .update();
        }

        @Override
        public void delete(Bytes id) {
            delegate.delete(id);
        }
    }
}
