package org.openler.platform.issuing;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.NodeCrossCheck;
import org.openler.standards.json.StrictJson;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What the platform issues, judged by the independent verifiers of {@code interop/} against the documents this
 * server serves: a provider with a machine client to issue through the API, and the two checks (the Data Integrity
 * cross-check, {@code crosscheck.mjs}, and the VC-JWT check, {@code jwtcheck.mjs}). The files a check writes go to
 * the test's own temporary folder.
 */
@Component
public class InteropCheck {

    private final Fixtures fixtures;
    private final Environment environment;

    InteropCheck(Fixtures fixtures, Environment environment) {
        this.fixtures = fixtures;
        this.environment = environment;
    }

    /** The port the test's server listens on: known once it has started, so read at each call. */
    public int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    /** A new provider with a machine client and the "Welding Fundamentals" achievement. */
    public IssuerClient aProvider() {
        return IssuerClient.aProvider(fixtures, port());
    }

    /** A new provider with a machine client and the achievement {@code achievementJson} defines. */
    public IssuerClient aProvider(String achievementJson) {
        return IssuerClient.aProvider(fixtures, port(), achievementJson);
    }

    /** Both verifiers' verdicts on the issuer's credential, with its DID document and status lists as served now. */
    public NodeCrossCheck.Result crossCheck(Path dir, String name, IssuerClient issuer, String credential)
            throws IOException, InterruptedException {
        return NodeCrossCheck.run(dir, name, credential, NodeCrossCheck.documents(port(), issuer.slug(), credential));
    }

    /** jwtcheck.mjs's verdict on the issuer's VC-JWT, with its DID document and status lists as served now. */
    public JsonObject jwtCheck(Path dir, String name, IssuerClient issuer, String jwt)
            throws IOException, InterruptedException {
        String vc = StrictJson.parseObject(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]))
                .getJsonObject("vc")
                .toString();
        return StrictJson.parseObject(
                NodeCrossCheck.jwtCheck(dir, name, jwt, NodeCrossCheck.documents(port(), issuer.slug(), vc)));
    }
}
