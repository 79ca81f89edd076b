package org.openler.platform.web;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * An HTTPS port beside the HTTP one ({@code ./openler demo --https}): wallets and verifier test suites insist on
 * https, even on localhost. The launcher makes a self-signed certificate for localhost in the data directory.
 */
@Component
@ConditionalOnProperty("openler.https.port")
class HttpsConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final HttpsProperties properties;

    HttpsConnector(HttpsProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Connector connector = new Connector(TomcatWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(properties.port());
        connector.setScheme("https");
        connector.setSecure(true);
        connector.setProperty("SSLEnabled", "true");
        SSLHostConfig ssl = new SSLHostConfig();
        SSLHostConfigCertificate certificate =
                new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(properties.keystore());
        certificate.setCertificateKeystorePassword(properties.keystorePassword());
        certificate.setCertificateKeystoreType("PKCS12");
        ssl.addCertificate(certificate);
        connector.addSslHostConfig(ssl);
        factory.addAdditionalConnectors(connector);
    }

    /** {@code openler.https.*}: the extra HTTPS port and its PKCS#12 key store. */
    @ConfigurationProperties("openler.https")
    record HttpsProperties(int port, String keystore, String keystorePassword) {}
}
