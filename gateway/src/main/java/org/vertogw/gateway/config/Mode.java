package org.vertogw.gateway.config;

/**
 * {@code DEMO}: embedded islands, open origins, the demo page and {@code /v1/demo}, upstream certificates trusted.
 * {@code PRODUCTION}: remote islands, an origin allow-list, PEM certificates required.
 */
public enum Mode {
    DEMO,
    PRODUCTION
}
