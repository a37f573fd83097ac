package org.vertogw.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertogw.media.srtp.SrtpProfile;

/** Certificates made at start for each key type, and loaded from the PEM files FreeSWITCH and operators make. */
class DtlsCertificateTest {

    @TempDir
    Path dir;

    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();

    @AfterAll
    static void shutdown() {
        EXECUTOR.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(DtlsKeyType.class)
    void eachKeyTypeMakesACertificateThatHandshakes(DtlsKeyType type) throws Exception {
        DtlsCertificate cert = DtlsCertificate.generate(type);
        assertThat(cert.keyType()).isEqualTo(type);
        assertThat(HandshakeDiagnosticsKeys.describe(cert)).isEqualTo(type.toString());
        DtlsCertificate peer = DtlsCertificate.generate();
        var clientOutcome = new DtlsTransportTest.Outcome();
        var serverOutcome = new DtlsTransportTest.Outcome();
        DtlsTransport[] pair = new DtlsTransport[2];
        pair[0] = new DtlsTransport(
                cert,
                DtlsRole.SERVER,
                peer.fingerprint(),
                List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80),
                (b, o, l) -> pair[1].receive(b, o, l),
                EXECUTOR,
                10_000,
                200,
                serverOutcome);
        pair[1] = new DtlsTransport(
                peer,
                DtlsRole.CLIENT,
                cert.fingerprint(),
                List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80),
                (b, o, l) -> pair[0].receive(b, o, l),
                EXECUTOR,
                10_000,
                200,
                clientOutcome);
        pair[0].start();
        pair[1].start();
        assertThat(clientOutcome.keys.get(10, TimeUnit.SECONDS).local())
                .isEqualTo(serverOutcome.keys.get(10, TimeUnit.SECONDS).remote());
        assertThat(pair[1].peerCertificate()).isEqualTo(type.toString());
        assertThat(pair[1].cipherSuite()).startsWith(type.isRsa() ? "ECDHE_RSA_" : "ECDHE_ECDSA_");
    }

    @Test
    void aFreeSwitchStyleCombinedPemWithATraditionalRsaKeyLoads() throws Exception {
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        openssl("genrsa", "-traditional", "-out", key.toString(), "4096");
        openssl(
                "req",
                "-x509",
                "-new",
                "-key",
                key.toString(),
                "-days",
                "2",
                "-subj",
                "/CN=FreeSWITCH",
                "-out",
                cert.toString());
        assertThat(Files.readString(key)).contains("BEGIN RSA PRIVATE KEY");
        Path combined = dir.resolve("dtls-srtp.pem");
        Files.writeString(combined, Files.readString(key) + Files.readString(cert));
        DtlsCertificate loaded = DtlsCertificate.load(combined, combined);
        assertThat(loaded.keyType()).isEqualTo(DtlsKeyType.RSA_4096);
        assertThat(loaded.fingerprint()).isEqualTo(new OpenSslPeer.Credentials(cert, key).fingerprint());
    }

    @Test
    void separatePkcs8AndEcFilesLoad() throws Exception {
        OpenSslPeer.Credentials c = OpenSslPeer.Credentials.generate(dir, "P-384");
        DtlsCertificate loaded = DtlsCertificate.load(c.certificate(), c.key());
        assertThat(loaded.keyType()).isEqualTo(DtlsKeyType.ECDSA_P384);
        assertThat(loaded.fingerprint()).isEqualTo(c.fingerprint());
    }

    @Test
    void aPemWithoutItsKeyIsRefusedNamingTheFile() throws Exception {
        OpenSslPeer.Credentials c = OpenSslPeer.Credentials.generate(dir, "rsa:2048");
        assertThatThrownBy(() -> DtlsCertificate.load(c.certificate(), c.certificate()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(c.certificate().toString())
                .hasMessageContaining("no private key");
    }

    @Test
    void keyTypesParseTheirConfigurationSpelling() {
        assertThat(DtlsKeyType.parse("rsa-2048")).isEqualTo(DtlsKeyType.RSA_2048);
        assertThat(DtlsKeyType.parse(" ECDSA-P256 ")).isEqualTo(DtlsKeyType.ECDSA_P256);
        assertThat(DtlsKeyType.RSA_4096.configName()).isEqualTo("rsa-4096");
        assertThatThrownBy(() -> DtlsKeyType.parse("dsa-1024"))
                .hasMessageContaining("'dsa-1024'")
                .hasMessageContaining("rsa-2048");
    }

    private void openssl(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    /** The key description of a certificate, as the diagnostics name a peer's. */
    static final class HandshakeDiagnosticsKeys {
        static String describe(DtlsCertificate c) throws Exception {
            HandshakeDiagnostics d = new HandshakeDiagnostics();
            d.peerCertificate(c.der());
            return d.peerCertificate();
        }
    }
}
