package org.vertogw.gateway.edge;

import java.io.IOException;
import java.net.StandardSocketOptions;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.AbstractConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.gateway.observe.GatewayMetrics;

/**
 * The first connection factory of the browser-facing connector: a TCP connection from an address over its rate of new
 * connections ({@link ConnectionRates}) is reset as soon as it is accepted, before a single TLS byte is read or
 * written, so a flood of connections costs the gateway an accept and a close rather than a TLS handshake and an HTTP
 * upgrade (docs/operations.md, Budgets of the edge). Connections within the rate go on to the next protocol (TLS).
 *
 * <p>The refusal is a reset (SO_LINGER 0), not a FIN: it leaves no TIME_WAIT entry on the gateway for each refused
 * connection. It is counted as {@code verto_gateway_connections_refused_total{reason="connection_rate"}} and logged
 * once per address and minute at most, because a flood would fill the log.
 */
public final class ConnectionRateGate extends AbstractConnectionFactory {

    /** The name this factory goes by among the connector's protocols. */
    public static final String PROTOCOL = "connection-rate";

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRateGate.class);

    private final ConnectionRates rates;
    private final String next;
    private final GatewayMetrics metrics;

    public ConnectionRateGate(ConnectionRates rates, String nextProtocol, GatewayMetrics metrics) {
        super(PROTOCOL);
        this.rates = rates;
        this.next = nextProtocol;
        this.metrics = metrics;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        String address = VertoEdge.address(endPoint.getRemoteSocketAddress());
        ConnectionRates.Verdict verdict = rates.admit(address, System.nanoTime());
        if (verdict == ConnectionRates.Verdict.ACCEPT) {
            ConnectionFactory factory = connector.getConnectionFactory(next);
            return factory.newConnection(connector, endPoint);
        }
        metrics.closed(CloseReason.CONNECTION_RATE);
        if (verdict == ConnectionRates.Verdict.REFUSE_AND_WARN) {
            LOG.warn("resetting new connections from {}: over limits.connectionsPerSecondPerAddress", address);
        }
        return new Reset(endPoint, connector);
    }

    /** The connection of a refused socket: it resets the socket as soon as it is opened. */
    private static final class Reset extends AbstractConnection {

        Reset(EndPoint endPoint, Connector connector) {
            super(endPoint, connector.getExecutor());
        }

        @Override
        public void onOpen() {
            super.onOpen();
            if (getEndPoint() instanceof SocketChannelEndPoint s) {
                try {
                    s.getChannel().setOption(StandardSocketOptions.SO_LINGER, 0);
                } catch (IOException | RuntimeException e) {
                    // the peer is gone already; the close below is all that matters
                }
            }
            getEndPoint().close();
        }

        @Override
        public void onFillable() {
            getEndPoint().close();
        }
    }
}
