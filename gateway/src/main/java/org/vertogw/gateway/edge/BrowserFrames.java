package org.vertogw.gateway.edge;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.vertogw.protocol.codec.VertoDecodeException;
import org.vertogw.protocol.jsonrpc.JsonRpcError;
import org.vertogw.protocol.jsonrpc.JsonRpcMessage;
import org.vertogw.protocol.jsonrpc.JsonRpcRequest;
import org.vertogw.protocol.jsonrpc.JsonRpcResponse;

/**
 * Frames from the browser: admitted on the receiving thread by the {@link BrowserChannel}'s budgets before anything
 * parses them, then parsed on the session's thread and handed to the session (a request), the relay (a response)
 * or the speed test ({@code #...}). The next frame is read only when this one is done.
 */
final class BrowserFrames {

    /** An over-rate frame this short is parsed to answer -32013 with its id; a longer one is dropped unread. */
    static final int OVER_RATE_REPLY_MAX = 4096;

    private final ClientSession session;

    BrowserFrames(ClientSession session) {
        this.session = session;
    }

    /** On the receiving thread. */
    void onText(String text) {
        BrowserChannel browser = session.browser;
        switch (browser.admit(text.length())) {
            case ACCEPT ->
                session.executor.executeHere(() -> {
                    frame(text);
                    browser.demand();
                });
            case OVER_RATE -> {
                session.ctx.metrics().refused(Refusal.RATE_LIMITED);
                if (text.length() <= OVER_RATE_REPLY_MAX) {
                    session.run(() -> {
                        overRate(text);
                        browser.demand();
                    });
                } else {
                    browser.demand();
                }
            }
            case REFUSED -> session.run(() -> session.end("inbound budget exceeded"));
        }
    }

    private void frame(String text) {
        if (session.state() == ClientSessionState.CLOSED) {
            return;
        }
        if (text.startsWith("#")) {
            session.speedTests.fromBrowser(text);
            return;
        }
        JsonRpcMessage message;
        try {
            message = session.ctx.codec().decode(text);
        } catch (VertoDecodeException e) {
            session.ctx.metrics().refused(Refusal.MALFORMED);
            session.send(e.toResponse());
            return;
        }
        int maxId = session.ctx.config().limits().maxIdLength();
        if (!RequestIds.acceptable(message.id(), maxId)) {
            session.answer(JsonNodeFactory.instance.nullNode(), RequestIds.refusal(maxId));
        } else if (message instanceof JsonRpcRequest request) {
            session.dispatch(request);
        } else if (session.state() == ClientSessionState.LOGGED_IN) {
            session.relay.browserResponse((JsonRpcResponse) message);
        }
    }

    /** A frame over the message rate: a request among them hears when to retry. */
    private void overRate(String text) {
        try {
            JsonRpcMessage m = session.ctx.codec().decode(text);
            if (m instanceof JsonRpcRequest r
                    && RequestIds.acceptable(
                            r.id(), session.ctx.config().limits().maxIdLength())) {
                EdgeRefusal refusal = EdgeRefusal.rateLimited(Refusal.RATE_LIMITED, session.browser.retryAfterMillis());
                session.send(new JsonRpcError(r.id(), refusal.error()));
            }
        } catch (VertoDecodeException ignored) {
            // over the rate and malformed: dropped, already counted
        }
    }
}
