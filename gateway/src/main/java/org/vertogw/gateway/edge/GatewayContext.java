package org.vertogw.gateway.edge;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.vertogw.gateway.config.GatewayConfig;
import org.vertogw.gateway.island.IslandHealth;
import org.vertogw.gateway.island.UpstreamPool;
import org.vertogw.gateway.observe.GatewayMetrics;
import org.vertogw.gateway.routing.Router;
import org.vertogw.media.MediaEngine;
import org.vertogw.protocol.codec.VertoCodec;

/**
 * What every browser session shares: configuration, routing, the upstream links, the registry, the pools, the
 * failed-login back-off, and the media engine (null for a signaling-only gateway).
 */
public record GatewayContext(
        GatewayConfig config,
        VertoCodec codec,
        Router router,
        UpstreamPool upstream,
        SessionRegistry registry,
        GatewayMetrics metrics,
        Executor pool,
        ScheduledExecutorService scheduler,
        MediaEngine media,
        IslandHealth health,
        IslandLossPacer pacer,
        LoginThrottle throttle) {}
