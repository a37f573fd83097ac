package org.vertogw.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP relay on a free loopback port to one target, made of real sockets, standing for the network between two
 * processes: it can be {@linkplain #cut() cut} (every open connection dropped, new ones accepted and blackholed: read
 * and never answered, as behind a firewall that drops packets), {@linkplain #heal() healed}, and can hold the target's
 * replies back by a {@linkplain #delayReplies(Duration) delay} (a slow path). Two threads per connection.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean cut;
    private volatile long delayNanos;
    private volatile boolean closed;

    private TcpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "tcp-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A relay to {@code host:port}. */
    public static TcpProxy to(String host, int port) throws IOException {
        return new TcpProxy(new InetSocketAddress(host, port));
    }

    /** A relay to the host and port of {@code url} (http://, ws://). */
    public static TcpProxy to(String url) throws IOException {
        URI u = URI.create(url);
        return to(u.getHost(), u.getPort());
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code url} with its host and port replaced by this relay's. */
    public String url(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://127.0.0.1:" + port() + (u.getRawPath() == null ? "" : u.getRawPath());
    }

    /** Drops every open connection and blackholes new ones until {@link #heal()}. */
    public void cut() {
        cut = true;
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    /** Relays new connections again. */
    public void heal() {
        cut = false;
    }

    /** Holds every chunk the target sends back by {@code delay} before passing it on (order kept). */
    public void delayReplies(Duration delay) {
        delayNanos = delay.toNanos();
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            open.add(client);
            if (cut) {
                thread("blackhole", () -> drain(client)).start();
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 2000);
            } catch (IOException e) {
                open.remove(client);
                closeQuietly(client);
                continue;
            }
            open.add(upstream);
            thread("up", () -> pump(client, upstream, false)).start();
            thread("down", () -> pump(upstream, client, true)).start();
        }
    }

    private Thread thread(String what, Runnable r) {
        Thread t = new Thread(r, "tcp-proxy-" + port() + "-" + what);
        t.setDaemon(true);
        return t;
    }

    /** Reads and discards what a blackholed client sends, answering nothing, until either side closes. */
    private void drain(Socket s) {
        byte[] buf = new byte[8192];
        try (InputStream in = s.getInputStream()) {
            while (in.read(buf) >= 0) {
                // swallowed: a blackhole
            }
        } catch (IOException e) {
            // dropped by cut(), heal() does not revive it, or by close()
        } finally {
            open.remove(s);
            closeQuietly(s);
        }
    }

    private void pump(Socket from, Socket to, boolean replies) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Thread writer = null;
        if (replies) {
            writer = thread("delay", () -> write(queue, to, from));
            writer.start();
        }
        byte[] buf = new byte[16384];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (replies) {
                    queue.add(new Chunk(Arrays.copyOf(buf, n), System.nanoTime() + delayNanos));
                } else {
                    out.write(buf, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // either side closed or the relay was cut
        } finally {
            if (writer != null) {
                queue.add(Chunk.END);
            } else {
                closeBoth(from, to);
            }
        }
    }

    private void write(BlockingQueue<Chunk> queue, Socket to, Socket from) {
        try {
            OutputStream out = to.getOutputStream();
            while (true) {
                Chunk c = queue.take();
                if (c == Chunk.END) {
                    break;
                }
                // the slow path emulated: a chunk leaves no earlier than due, chunks in the order they came
                for (long wait = c.due - System.nanoTime(); wait > 0; wait = c.due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                out.write(c.bytes);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // closed
        } finally {
            closeBoth(from, to);
        }
    }

    private void closeBoth(Socket a, Socket b) {
        open.remove(a);
        open.remove(b);
        closeQuietly(a);
        closeQuietly(b);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    /** A chunk of the target's reply, due at {@code due} (nanoTime). */
    private record Chunk(byte[] bytes, long due) {
        static final Chunk END = new Chunk(new byte[0], 0);
    }
}
