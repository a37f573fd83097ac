package org.vertogw.media.transport;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of a call's leg events. Registered from any thread, told on the media thread; a listener that
 * throws is logged and does not keep the event from the others.
 */
public final class LegEventListeners {

    private static final Logger LOG = LoggerFactory.getLogger(LegEventListeners.class);

    private final CopyOnWriteArrayList<Consumer<LegEvent>> listeners = new CopyOnWriteArrayList<>();

    public void add(Consumer<LegEvent> listener) {
        listeners.add(listener);
    }

    public void publish(LegEvent event) {
        for (Consumer<LegEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("listener of {} failed", event, e);
            }
        }
    }
}
