package org.vertogw.media.net;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vertogw.media.sdp.SdpException;

/** Runs a control call (SDP handling, close) on the media thread and waits for it, so legs stay single-threaded. */
public final class LoopCalls {

    /** A control step that may refuse the SDP. */
    @FunctionalInterface
    public interface Step<T> {
        T call() throws SdpException;
    }

    private LoopCalls() {}

    public static <T> T call(MediaLoop loop, Step<T> step) throws SdpException {
        if (loop.inLoop()) {
            return step.call();
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                f.complete(step.call());
            } catch (SdpException | RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SdpException s) {
                throw s;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the media thread", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("media thread did not answer within 10 s", e);
        }
    }

    public static void run(MediaLoop loop, Runnable r) {
        try {
            call(loop, () -> {
                r.run();
                return null;
            });
        } catch (SdpException e) {
            throw new IllegalStateException(e);
        }
    }
}
