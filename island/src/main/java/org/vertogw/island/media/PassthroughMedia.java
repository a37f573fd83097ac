package org.vertogw.island.media;

/**
 * Signaling-only media: SDP passes between the two users of a call untouched, and no packet is handled. The echo
 * extension and re-attach still need an SDP from the island; they get one derived from what the leg has seen,
 * with the DTLS role set as FreeSWITCH sets it (answer {@code active}, offer {@code actpass}, docs/protocol.md §6.2).
 */
public final class PassthroughMedia implements IslandMedia {

    @Override
    public LegMedia newLeg(String callId, LegMedia partner) {
        return new Leg((Leg) partner);
    }

    @Override
    public void echo(LegMedia leg) {}

    @Override
    public void bridge(LegMedia a, LegMedia b) {
        ((Leg) a).partner = (Leg) b;
        ((Leg) b).partner = (Leg) a;
    }

    @Override
    public void isolate(LegMedia leg) {
        ((Leg) leg).partner = null;
    }

    private static final class Leg implements LegMedia {
        private Leg partner;
        /** The last SDP the browser of this leg sent. */
        private String remote;

        Leg(Leg partner) {
            this.partner = partner;
        }

        @Override
        public void remoteOffer(String sdp) throws MediaException {
            require(sdp);
            remote = sdp;
        }

        @Override
        public String answer() {
            String source = partner != null && partner.remote != null ? partner.remote : remote;
            return withSetup(source, "active");
        }

        @Override
        public String offer() {
            String source = partner != null && partner.remote != null ? partner.remote : remote;
            return source == null ? minimalOffer() : withSetup(source, "actpass");
        }

        @Override
        public void applyAnswer(String remoteAnswer) throws MediaException {
            require(remoteAnswer);
            remote = remoteAnswer;
        }

        @Override
        public void close() {}

        private static void require(String sdp) throws MediaException {
            if (sdp == null || !sdp.startsWith("v=0")) {
                throw new MediaException("SDP missing");
            }
        }

        private static String withSetup(String sdp, String role) {
            return sdp.replaceAll("a=setup:[a-z]+", "a=setup:" + role);
        }

        private static String minimalOffer() {
            return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
                    + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 127.0.0.1\r\na=rtpmap:111 opus/48000/2\r\n"
                    + "a=setup:actpass\r\na=rtcp-mux\r\na=sendrecv\r\n";
        }
    }
}
