package org.vertogw.fleet;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * {@link FleetStore} on etcd v3 through jetcd. Watches require a leader, so a member cut off from its quorum ends
 * them instead of going silent, and {@link PrefixMirror} starts over from a fresh read.
 */
public final class EtcdStore implements FleetStore {

    private final Client client;
    private final long timeoutMillis;

    public EtcdStore(EtcdSettings settings) {
        ClientBuilder b = Client.builder()
                .endpoints(settings.endpoints().toArray(String[]::new))
                .connectTimeout(settings.timeout())
                .keepaliveTime(Duration.ofSeconds(5))
                .keepaliveTimeout(settings.timeout())
                .retryMaxDuration(settings.timeout())
                // fail at once while no member is reachable rather than queue the call until one is
                .waitForReady(false);
        if (settings.user() != null) {
            b.user(bytes(settings.user())).password(bytes(settings.password()));
        }
        if (settings.caCertificate() != null || settings.clientCertificate() != null) {
            try {
                b.sslContext(ssl -> {
                    if (settings.caCertificate() != null) {
                        ssl.trustManager(settings.caCertificate().toFile());
                    }
                    if (settings.clientCertificate() != null) {
                        ssl.keyManager(
                                settings.clientCertificate().toFile(),
                                settings.clientKey().toFile());
                    }
                });
            } catch (SSLException e) {
                throw new IllegalArgumentException("fleet.tls: " + e.getMessage(), e);
            }
        }
        this.client = b.build();
        this.timeoutMillis = settings.timeout().toMillis();
    }

    @Override
    public Snapshot read(String prefix) throws StoreException {
        GetResponse r = await(
                "read " + prefix,
                client.getKVClient()
                        .get(bytes(prefix), GetOption.builder().isPrefix(true).build()));
        Map<String, Entry> out = new LinkedHashMap<>();
        for (KeyValue kv : r.getKvs()) {
            String k = text(kv.getKey());
            out.put(k, new Entry(k, text(kv.getValue()), kv.getModRevision()));
        }
        return new Snapshot(out, r.getHeader().getRevision());
    }

    @Override
    public Optional<Entry> get(String key) throws StoreException {
        GetResponse r = await("get " + key, client.getKVClient().get(bytes(key)));
        return r.getKvs().stream().findFirst().map(kv -> new Entry(key, text(kv.getValue()), kv.getModRevision()));
    }

    @Override
    public long compareAndSwap(String key, long expectedModRevision, String value, long lease) throws StoreException {
        ByteSequence k = bytes(key);
        TxnResponse r = await(
                "compare-and-swap " + key,
                client.getKVClient()
                        .txn()
                        .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(expectedModRevision)))
                        .Then(Op.put(k, bytes(value), putOption(lease)))
                        .commit());
        return r.isSucceeded() ? r.getHeader().getRevision() : -1;
    }

    @Override
    public void put(String key, String value, long lease) throws StoreException {
        await("put " + key, client.getKVClient().put(bytes(key), bytes(value), putOption(lease)));
    }

    @Override
    public AutoCloseable watch(String prefix, long fromRevision, WatchListener listener) {
        WatchOption option = WatchOption.builder()
                .isPrefix(true)
                .withRevision(fromRevision)
                .withRequireLeader(true)
                .build();
        Watch.Watcher w = client.getWatchClient()
                .watch(
                        bytes(prefix),
                        option,
                        Watch.listener(
                                response -> {
                                    List<Change> changes = new ArrayList<>();
                                    long revision = 0;
                                    for (WatchEvent e : response.getEvents()) {
                                        KeyValue kv = e.getKeyValue();
                                        boolean put = e.getEventType() == WatchEvent.EventType.PUT;
                                        changes.add(new Change(
                                                text(kv.getKey()),
                                                put ? text(kv.getValue()) : null,
                                                kv.getModRevision()));
                                        revision = Math.max(revision, kv.getModRevision());
                                    }
                                    if (!changes.isEmpty()) {
                                        listener.changed(changes, revision);
                                    }
                                },
                                error -> listener.broken(error, error instanceof CompactedException),
                                () -> listener.broken(new IllegalStateException("watch completed"), false)));
        return w::close;
    }

    @Override
    public long grantLease(Duration ttl) throws StoreException {
        return await("grant lease", client.getLeaseClient().grant(Math.max(1, ttl.toSeconds())))
                .getID();
    }

    @Override
    public boolean keepAlive(long lease) throws StoreException {
        try {
            return await("keep lease alive", client.getLeaseClient().keepAliveOnce(lease))
                            .getTTL()
                    > 0;
        } catch (StoreException e) {
            if (String.valueOf(e.getCause()).contains("requested lease not found")) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void revoke(long lease) throws StoreException {
        await("revoke lease", client.getLeaseClient().revoke(lease));
    }

    private <T> T await(String what, CompletableFuture<T> f) throws StoreException {
        try {
            return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new StoreException(what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new StoreException(what + ": no answer within " + timeoutMillis + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(what + ": interrupted", e);
        }
    }

    private static PutOption putOption(long lease) {
        return lease == 0
                ? PutOption.DEFAULT
                : PutOption.builder().withLeaseId(lease).build();
    }

    private static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    private static String text(ByteSequence b) {
        return b.toString(StandardCharsets.UTF_8);
    }

    /** Closes the gRPC channel and its threads. */
    @Override
    public void close() {
        client.close();
    }
}
