package org.vertogw.gateway.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.relay.MediaRelay;
import org.vertogw.media.relay.PathQuality;
import org.vertogw.media.rtcp.LegQuality;

/**
 * {@code GET /v1/admin/calls}: the calls whose media this gateway relays now, each media section with its two legs'
 * quality from RTCP (docs/operations.md, "Call quality"). Figures are null until the leg's peer has reported.
 */
final class CallsView {

    static ArrayNode of(MediaEngine media) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        if (media == null) {
            return out;
        }
        for (MediaRelay relay : media.openRelays()) {
            ObjectNode call = out.addObject();
            call.put("callId", relay.callId());
            call.put("state", relay.state().name().toLowerCase(Locale.ROOT));
            ArrayNode sections = call.putArray("media");
            List<PathQuality> all = relay.quality().sections();
            for (int i = 0; i < all.size(); i++) {
                PathQuality q = all.get(i);
                if (q == null) {
                    continue;
                }
                ObjectNode s = sections.addObject().put("index", i);
                s.put("clockRate", q.browser().clockRate());
                leg(s.putObject("browser"), q.browser());
                leg(s.putObject("island"), q.island());
            }
        }
        return out;
    }

    private static void leg(ObjectNode o, LegQuality q) {
        o.put("reports", q.reports());
        if (q.reports() == 0) {
            o.putNull("lossRatio").putNull("cumulativeLost").putNull("jitterMs");
        } else {
            o.put("lossRatio", q.lossRatio());
            o.put("cumulativeLost", q.cumulativeLost());
            o.put("jitterMs", Math.round(q.jitterSeconds() * 10_000) / 10.0);
        }
        double rtt = q.rttSeconds();
        if (rtt < 0) {
            o.putNull("rttMs");
        } else {
            o.put("rttMs", Math.round(rtt * 10_000) / 10.0);
        }
    }

    private CallsView() {}
}
