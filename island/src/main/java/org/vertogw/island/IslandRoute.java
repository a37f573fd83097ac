package org.vertogw.island;

/**
 * The island that serves a user, as the gateway's {@code /v1/route} answers (docs/operations.md, "Calls across
 * islands"): its id and the Verto URL another island trunks a call to ({@code verto}, null when the map has none).
 */
public record IslandRoute(String island, String verto) {}
