package org.vertogw.media.dtls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * OpenSSL's own DTLS 1.2 endpoint ({@code openssl s_server} / {@code s_client}), the TLS stack FreeSWITCH links, as
 * an independent peer: it prints the keying material it exports for DTLS-SRTP, which must equal ours.
 */
final class OpenSslPeer implements AutoCloseable {

    /** A certificate and key made by {@code openssl req}, as operators make FreeSWITCH's dtls-srtp.pem. */
    record Credentials(Path certificate, Path key) {

        static Credentials generate(Path dir, String keySpec) throws IOException, InterruptedException {
            String name = keySpec.replace(':', '-');
            Path cert = dir.resolve(name + ".crt");
            Path key = dir.resolve(name + ".key");
            List<String> cmd = new ArrayList<>(List.of(
                    "openssl",
                    "req",
                    "-x509",
                    "-nodes",
                    "-days",
                    "2",
                    "-subj",
                    "/CN=freeswitch",
                    "-keyout",
                    key.toString(),
                    "-out",
                    cert.toString()));
            if (keySpec.startsWith("rsa")) {
                cmd.addAll(List.of("-newkey", keySpec));
            } else {
                cmd.addAll(List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:" + keySpec));
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException("openssl req failed: " + out);
            }
            return new Credentials(cert, key);
        }

        DtlsFingerprint fingerprint() throws IOException {
            String pem = Files.readString(certificate);
            String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return DtlsFingerprint.of(java.util.Base64.getDecoder().decode(b64), "sha-256");
        }
    }

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<byte[]> keyingMaterial = new CompletableFuture<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    private OpenSslPeer(List<String> command) throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(this::read, "openssl-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code s_server} on a loopback port, requiring a client certificate as WebRTC does. */
    static OpenSslPeer server(int port, Credentials c, String srtpProfile, List<String> extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                "openssl",
                "s_server",
                "-dtls1_2",
                "-accept",
                "127.0.0.1:" + port,
                "-cert",
                c.certificate().toString(),
                "-key",
                c.key().toString(),
                "-Verify",
                "1",
                "-use_srtp",
                srtpProfile,
                "-keymatexport",
                "EXTRACTOR-dtls_srtp",
                "-keymatexportlen",
                String.valueOf(materialLength(srtpProfile)),
                "-naccept",
                "1"));
        cmd.addAll(extra);
        return new OpenSslPeer(cmd);
    }

    /** {@code s_client} toward a loopback port, presenting its certificate. */
    static OpenSslPeer client(int port, Credentials c, String srtpProfile, List<String> extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                "openssl",
                "s_client",
                "-dtls1_2",
                "-connect",
                "127.0.0.1:" + port,
                "-cert",
                c.certificate().toString(),
                "-key",
                c.key().toString(),
                "-use_srtp",
                srtpProfile,
                "-keymatexport",
                "EXTRACTOR-dtls_srtp",
                "-keymatexportlen",
                String.valueOf(materialLength(srtpProfile))));
        cmd.addAll(extra);
        return new OpenSslPeer(cmd);
    }

    private static int materialLength(String srtpProfile) {
        return srtpProfile.contains("GCM") ? 56 : 60;
    }

    private void read() {
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                String t = line.trim();
                if (t.equals("ACCEPT")) {
                    ready.complete(null);
                } else if (t.startsWith("Keying material:")) {
                    keyingMaterial.complete(HexFormat.of()
                            .parseHex(t.substring("Keying material:".length()).trim()));
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            ready.complete(null);
            keyingMaterial.completeExceptionally(new IllegalStateException("openssl exported nothing:\n" + output()));
        }
    }

    CompletableFuture<Void> ready() {
        return ready;
    }

    CompletableFuture<byte[]> keyingMaterial() {
        return keyingMaterial;
    }

    String output() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        process.destroy();
    }
}
