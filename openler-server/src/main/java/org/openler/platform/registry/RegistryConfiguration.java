package org.openler.platform.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    CtdlSchemas ctdlSchemas() {
        return new CtdlSchemas();
    }

    @Bean(destroyMethod = "close")
    CredentialIndex credentialIndex(RegistryProperties properties, @Value("${openler.data-dir}") String dataDir)
            throws IOException {
        if (properties.index().equals("disk")) {
            Path path = Path.of(dataDir, "registry-index");
            Files.createDirectories(path);
            return CredentialIndex.open(path);
        }
        return CredentialIndex.inMemory();
    }
}
