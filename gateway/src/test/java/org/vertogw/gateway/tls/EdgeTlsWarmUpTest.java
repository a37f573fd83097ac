package org.vertogw.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up's handshakes are real TLS handshakes with the edge's engines, and its client checks the edge's
 * certificate: one that trusts only the JDK's authorities fails against the same engines.
 */
class EdgeTlsWarmUpTest {

    @TempDir
    Path dir;

    private SslContextFactory.Server edge;

    @BeforeEach
    void edge() throws Exception {
        edge = new SslContextFactory.Server();
        edge.setKeyStore(PemKeyStore.selfSignedIn(dir));
        edge.setKeyStorePassword(PemKeyStore.PASSWORD);
        edge.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        edge.start();
    }

    @AfterEach
    void stop() throws Exception {
        edge.stop();
    }

    @Test
    void everyHandshakeCompletes() {
        assertThat(EdgeTlsWarmUp.start(edge, 5))
                .succeedsWithin(Duration.ofSeconds(60))
                .isEqualTo(5);
    }

    @Test
    void aClientThatDoesNotTrustTheEdgesCertificateFails() throws Exception {
        SSLEngine stranger = SSLContext.getDefault().createSSLEngine("localhost", 443);
        stranger.setUseClientMode(true);
        assertThatThrownBy(() -> EdgeTlsWarmUp.handshake(stranger, edge.newSSLEngine()))
                .isInstanceOf(SSLException.class)
                .hasMessageNotContaining("did not complete");
    }
}
