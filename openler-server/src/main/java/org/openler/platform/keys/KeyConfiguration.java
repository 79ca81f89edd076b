package org.openler.platform.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class KeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeyConfiguration.class);

    /**
     * The default sealer. With no master key configured, demo mode keeps one in {@code <data-dir>/master.key}
     * (readable by the owner only); any other mode refuses to start, because keys sealed under a throw-away master
     * key would be lost at the next start.
     */
    @Bean
    @ConditionalOnMissingBean(KeySealer.class)
    KeySealer keySealer(
            KeyProperties properties,
            @Value("${openler.data-dir}") Path dataDir,
            @Value("${openler.demo.enabled:false}") boolean demo) {
        if (!properties.masterKey().isEmpty()) {
            return new AesGcmKeySealer(decode(properties.masterKey()));
        }
        if (!demo) {
            throw new IllegalStateException(
                    "No master key: set openler.security.master-key (env OPENLER_SECURITY_MASTER_KEY) to base64 of"
                            + " 32 random bytes, e.g. the output of: openssl rand -base64 32");
        }
        return new AesGcmKeySealer(demoMasterKey(dataDir.resolve("master.key")));
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("openler.security.master-key is not valid base64.", e);
        }
    }

    private static byte[] demoMasterKey(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the data directory's own permissions apply
            }
            log.info("Created a demo master key in the data directory");
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("Could not read or create the demo master key", e);
        }
    }
}
