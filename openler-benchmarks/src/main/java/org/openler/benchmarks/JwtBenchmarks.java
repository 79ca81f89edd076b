package org.openler.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidWeb;
import org.openler.standards.jwt.JwtKeyResolver;
import org.openler.standards.jwt.VcJwt;
import org.openler.standards.verify.Verifier;

/**
 * Sign and verify of the same typical OB 3.0 credential as {@link CredentialBenchmarks}, as an ES256 VC-JWT (the
 * format the platform issues with {@code "format": "jwt"}), single-threaded, in operations per second. Verify runs
 * every check of {@link Verifier#verifyJwt}: the JWS, registered claims, structure, contexts, status, validity; the
 * key comes from a fixed resolver, so DID resolution (a database read on the platform) is not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JwtBenchmarks {

    private ECKey key;
    private JsonObject unsigned;
    private String signed;
    private Verifier verifier;
    private JwtKeyResolver keys;

    @Setup
    public void setUp() throws JOSEException {
        Did issuer = DidWeb.forOrganization("college.example", "example-community-college");
        key = new ECKeyGenerator(Curve.P_256).keyID(issuer + "#jwk-1").generate();
        JWK publicKey = key.toPublicJWK();
        keys = (iss, kid) -> publicKey;
        unsigned = SampleCredential.unsigned(issuer);
        signed = sign();
        verifier = Verifier.builder().build();
        if (!verifier.verifyJwt(signed, keys).verified()) {
            throw new IllegalStateException("The benchmark VC-JWT does not verify");
        }
    }

    @Benchmark
    public String sign() {
        return VcJwt.sign(unsigned, key);
    }

    @Benchmark
    public boolean verify() {
        return verifier.verifyJwt(signed, keys).verified();
    }
}
