package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code login} (C→S, docs/protocol.md §3.2): credentials, or none at all for the first step of the login dance (§3.7). */
public record Login(ObjectNode params) implements VertoMessage {

    /** {@code "user@domain"}. */
    public String login() {
        return Params.text(params, "login");
    }

    public String passwd() {
        return Params.text(params, "passwd");
    }

    public String sessid() {
        return Params.text(params, "sessid");
    }

    public ObjectNode loginParams() {
        return Params.object(params, "loginParams");
    }

    public ObjectNode userVariables() {
        return Params.object(params, "userVariables");
    }

    /** FreeSWITCH answers a request whose params carry no {@code login} with -32000 (docs/protocol.md §3.4). */
    public boolean hasCredentials() {
        String l = login();
        return l != null && !l.isEmpty();
    }
}
