package org.vertogw.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.etcd.jetcd.Client;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertogw.testing.Await;
import org.vertogw.testing.EtcdCluster;

/** The store and its supervisors against a real three-member etcd cluster (Debian's etcd-server). */
class EtcdStoreTest {

    private static EtcdCluster etcd;

    @BeforeAll
    static void cluster() throws Exception {
        assumeTrue(EtcdCluster.available(), "etcd-server is not installed (test.sh installs it)");
        etcd = EtcdCluster.start(3);
    }

    @AfterAll
    static void stop() throws Exception {
        if (etcd != null) {
            etcd.close();
        }
    }

    @Test
    void compareAndSwapWritesOnlyOverTheRevisionItRead() throws Exception {
        try (EtcdStore s = new EtcdStore(EtcdSettings.plain(etcd.endpoints()))) {
            long created = s.compareAndSwap("/t/cas", 0, "one", 0);
            assertThat(created).isPositive();
            assertThat(s.compareAndSwap("/t/cas", 0, "again", 0)).isEqualTo(-1);
            long rev = s.get("/t/cas").orElseThrow().modRevision();
            assertThat(s.compareAndSwap("/t/cas", rev, "two", 0)).isGreaterThan(rev);
            assertThat(s.compareAndSwap("/t/cas", rev, "stale", 0)).isEqualTo(-1);
            assertThat(s.get("/t/cas").orElseThrow().value()).isEqualTo("two");
        }
    }

    @Test
    void aWatchFromACompactedRevisionSaysSo() throws Exception {
        try (EtcdStore s = new EtcdStore(EtcdSettings.plain(etcd.endpoints()));
                Client raw = Client.builder().endpoints(etcd.endpoint(1)).build()) {
            s.put("/t/compact/a", "1", 0);
            long old = s.get("/t/compact/a").orElseThrow().modRevision();
            s.put("/t/compact/a", "2", 0);
            long now = s.get("/t/compact/a").orElseThrow().modRevision();
            raw.getKVClient().compact(now).get();
            // a watch may also end for a reconnect (a member just restarted): the supervisor, like this loop, then
            // watches again; what must come back is the compaction, said as such
            Await.until("a watch from a compacted revision reports compaction", () -> {
                CompletableFuture<Boolean> ended = new CompletableFuture<>();
                try (AutoCloseable w = s.watch("/t/compact/", old, new FleetStore.WatchListener() {
                    @Override
                    public void changed(List<FleetStore.Change> changes, long revision) {}

                    @Override
                    public void broken(Throwable cause, boolean compacted) {
                        ended.complete(compacted);
                    }
                })) {
                    return ended.get(3, TimeUnit.SECONDS);
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    @Test
    void theMirrorKeepsItsStateWhileItsMemberIsDownAndCatchesUpAfter() throws Exception {
        try (EtcdStore lone = new EtcdStore(EtcdSettings.plain(List.of(etcd.endpoint(2))));
                EtcdStore writer = new EtcdStore(EtcdSettings.plain(List.of(etcd.endpoint(0), etcd.endpoint(1))));
                PrefixMirror mirror = new PrefixMirror(lone, "/t/mirror/", Duration.ofMillis(500), "mirror")) {
            List<String> seen = new CopyOnWriteArrayList<>();
            mirror.onChange(m ->
                    seen.add(m.containsKey("/t/mirror/k") ? m.get("/t/mirror/k").value() : "-"));
            mirror.start();
            writer.put("/t/mirror/k", "before", 0);
            Await.until("the mirror sees the first value", () -> seen.contains("before"));
            assertThat(mirror.connected()).isTrue();

            etcd.kill(2);
            Await.until("the mirror notices its member is gone", Duration.ofSeconds(20), () -> !mirror.connected());
            // the dead member may have led: the write lands once the others have elected a leader
            Await.until("a write during the outage lands", () -> putOnce(writer, "/t/mirror/k", "during"));
            assertThat(mirror.entries().get("/t/mirror/k").value()).isEqualTo("before");

            etcd.restart(2);
            Await.until(
                    "the mirror reconnects and catches up",
                    Duration.ofSeconds(30),
                    () -> mirror.connected()
                            && "during"
                                    .equals(mirror.entries().get("/t/mirror/k").value()));
            Await.until("a write after the restart lands", () -> putOnce(writer, "/t/mirror/k", "after"));
            Await.until("the new watch delivers", () -> seen.contains("after"));
        }
    }

    private static boolean putOnce(FleetStore store, String key, String value) {
        try {
            store.put(key, value, 0);
            return true;
        } catch (StoreException e) {
            return false;
        }
    }

    @Test
    void closingTheStoreEndsTheThreadsItStarted() throws Exception {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (EtcdStore s = new EtcdStore(EtcdSettings.plain(etcd.endpoints()));
                PrefixMirror m = new PrefixMirror(s, "/t/threads/", Duration.ofMillis(200), "mirror-threads")) {
            m.start();
            Await.until("the mirror has read", m::read);
        }
        Await.until(
                "no thread the store started outlives it",
                Duration.ofSeconds(20),
                () -> Thread.getAllStackTraces().keySet().stream()
                        .filter(Thread::isAlive)
                        .filter(t -> !before.contains(t))
                        .noneMatch(t -> !t.getName().startsWith("grpc-default-executor")),
                () -> Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> !before.contains(t))
                        .map(Thread::getName)
                        .toList()
                        .toString());
    }

    @Test
    void anExpiredLeaseIsReplacedAndItsKeysWrittenAgain() throws Exception {
        try (EtcdStore s = new EtcdStore(EtcdSettings.plain(etcd.endpoints()))) {
            List<Long> leases = new CopyOnWriteArrayList<>();
            try (LeaseKeeper k = new LeaseKeeper(s, Duration.ofSeconds(2), "lease", lease -> {
                leases.add(lease);
                s.put("/t/lease/me", "here", lease);
            })) {
                k.start();
                Await.until("the keeper holds a lease", k::alive);
                long first = k.lease();
                s.revoke(first);
                Await.until("a new lease replaces the revoked one", () -> k.lease() != first && k.alive());
                Await.until("the key is back under the new lease", () -> {
                    try {
                        return s.get("/t/lease/me").isPresent();
                    } catch (StoreException e) {
                        return false;
                    }
                });
            }
            Await.until("closing revokes the lease and its key", () -> {
                try {
                    return s.get("/t/lease/me").isEmpty();
                } catch (StoreException e) {
                    return false;
                }
            });
        }
    }
}
