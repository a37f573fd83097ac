package org.vertogw.gateway.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.vertogw.island.media.IslandMedia;
import org.vertogw.island.media.LegMedia;
import org.vertogw.island.media.MediaException;

/**
 * An island's media terminated by libdatachannel (node-datachannel, {@code src/test/node/datachannel-island.mjs}),
 * an independent WebRTC stack with OpenSSL's DTLS and the certificate it is given, in place of the embedded
 * endpoint: the gateway's island legs then meet a stack we did not write, as they meet FreeSWITCH in production.
 */
public final class DataChannelMedia implements IslandMedia {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final OutputStream in;
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final StringBuffer stderr = new StringBuffer();

    private DataChannelMedia(Process process) {
        this.process = process;
        this.in = process.getOutputStream();
        Thread out = new Thread(this::readAnswers, "datachannel-island-out");
        out.setDaemon(true);
        out.start();
        Thread err = new Thread(
                () -> {
                    try (BufferedReader r = process.errorReader(StandardCharsets.UTF_8)) {
                        r.lines().forEach(l -> stderr.append(l).append('\n'));
                    } catch (IOException e) {
                        // the process ended
                    }
                },
                "datachannel-island-err");
        err.setDaemon(true);
        err.start();
    }

    /** Starts the node process with the DTLS certificate and key (PEM) it presents. */
    public static DataChannelMedia start(Path certificate, Path key) throws Exception {
        Path script = Path.of("src/test/node/datachannel-island.mjs").toAbsolutePath();
        Process p = new ProcessBuilder(List.of(
                        "node",
                        script.toString(),
                        "--cert",
                        certificate.toString(),
                        "--key",
                        key.toString(),
                        "--bind",
                        "127.0.0.1"))
                .directory(script.getParent().toFile())
                .start();
        DataChannelMedia m = new DataChannelMedia(p);
        m.ready.get(20, TimeUnit.SECONDS);
        return m;
    }

    private void readAnswers() {
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode n = JSON.readTree(line);
                if (n.path("ready").asBoolean()) {
                    ready.complete(null);
                    continue;
                }
                CompletableFuture<JsonNode> f = pending.remove(n.path("id").asLong());
                if (f != null) {
                    f.complete(n);
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            IllegalStateException gone = new IllegalStateException("node-datachannel island exited: " + stderr);
            ready.completeExceptionally(gone);
            pending.values().forEach(f -> f.completeExceptionally(gone));
        }
    }

    /** One request, answered within 15 s; an {@code error} answer becomes a {@link MediaException}. */
    JsonNode request(String op, Map<String, String> args) throws MediaException {
        long id = ids.incrementAndGet();
        ObjectNode req = JSON.createObjectNode().put("id", id).put("op", op);
        args.forEach(req::put);
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        try {
            synchronized (in) {
                in.write((req + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
            JsonNode answer = f.get(15, TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new MediaException(op + ": " + answer.path("error").asText());
            }
            return answer;
        } catch (MediaException e) {
            throw e;
        } catch (Exception e) {
            pending.remove(id);
            throw new MediaException(op + " failed: " + e, e);
        }
    }

    /** The leg's peer connection state and the RTP packets it received and sent. */
    public JsonNode stats(LegMedia leg) throws MediaException {
        return request("stats", Map.of("leg", ((Leg) leg).id));
    }

    @Override
    public LegMedia newLeg(String callId, LegMedia partner) throws MediaException {
        Leg leg = new Leg(callId + "-" + ids.incrementAndGet());
        request("newLeg", Map.of("leg", leg.id));
        return leg;
    }

    @Override
    public void echo(LegMedia leg) {
        quietly("echo", Map.of("leg", ((Leg) leg).id));
    }

    @Override
    public void bridge(LegMedia a, LegMedia b) {
        quietly("bridge", Map.of("a", ((Leg) a).id, "b", ((Leg) b).id));
    }

    @Override
    public void isolate(LegMedia leg) {
        quietly("isolate", Map.of("leg", ((Leg) leg).id));
    }

    private void quietly(String op, Map<String, String> args) {
        try {
            request(op, args);
        } catch (MediaException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (IOException | InterruptedException e) {
            process.destroy();
        }
    }

    private final class Leg implements LegMedia {
        private final String id;
        private String offer;

        Leg(String id) {
            this.id = id;
        }

        @Override
        public void remoteOffer(String sdp) throws MediaException {
            if (sdp == null || sdp.isEmpty()) {
                throw new MediaException("SDP missing");
            }
            offer = sdp;
        }

        @Override
        public String answer() throws MediaException {
            return request("answer", Map.of("leg", id, "sdp", offer))
                    .path("sdp")
                    .asText();
        }

        @Override
        public String offer() throws MediaException {
            return request("offer", Map.of("leg", id)).path("sdp").asText();
        }

        @Override
        public void applyAnswer(String remoteAnswer) throws MediaException {
            request("applyAnswer", Map.of("leg", id, "sdp", remoteAnswer));
        }

        @Override
        public void close() {
            try {
                request("close", Map.of("leg", id));
            } catch (MediaException e) {
                // the process is gone; nothing left to close
            }
        }

        @Override
        public String toString() {
            return id;
        }
    }
}
