package org.vertogw.island;

/** A read-only view of one call leg. */
public record CallView(
        String callId,
        String login,
        String sessid,
        String state,
        boolean inbound,
        boolean echo,
        boolean held,
        boolean detached,
        String partnerCallId,
        String dtmf) {

    static CallView of(Leg leg) {
        return new CallView(
                leg.callId,
                leg.login,
                leg.sessid,
                leg.state.name(),
                leg.inbound,
                leg.echo,
                leg.held,
                leg.detached(),
                leg.partner == null ? null : leg.partner.callId,
                leg.dtmf.toString());
    }
}
