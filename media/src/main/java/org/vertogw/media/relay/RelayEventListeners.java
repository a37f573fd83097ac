package org.vertogw.media.relay;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of a call's leg events. Registered from any thread, told on the media thread; a listener that
 * throws is logged and does not keep the event from the others.
 */
public final class RelayEventListeners {

    private static final Logger LOG = LoggerFactory.getLogger(RelayEventListeners.class);

    private final CopyOnWriteArrayList<Consumer<RelayEvent>> listeners = new CopyOnWriteArrayList<>();

    public void add(Consumer<RelayEvent> listener) {
        listeners.add(listener);
    }

    public void publish(RelayEvent event) {
        for (Consumer<RelayEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("listener of {} failed", event, e);
            }
        }
    }
}
