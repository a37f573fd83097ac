package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The registry of Verto methods: wire name, who may send it, and its record (docs/protocol.md §4.1, §5). */
public enum VertoMethod {
    LOGIN("login", Direction.CLIENT_TO_SERVER, Login.class, Login::new),
    INVITE("verto.invite", Direction.BOTH, Invite.class, Invite::new),
    ANSWER("verto.answer", Direction.BOTH, Answer.class, Answer::new),
    MEDIA("verto.media", Direction.SERVER_TO_CLIENT, Media.class, Media::new),
    BYE("verto.bye", Direction.BOTH, Bye.class, Bye::new),
    MODIFY("verto.modify", Direction.CLIENT_TO_SERVER, Modify.class, Modify::new),
    INFO("verto.info", Direction.BOTH, Info.class, Info::new),
    ATTACH("verto.attach", Direction.BOTH, Attach.class, Attach::new),
    PUNT("verto.punt", Direction.SERVER_TO_CLIENT, Punt.class, Punt::new),
    CLIENT_READY("verto.clientReady", Direction.SERVER_TO_CLIENT, ClientReady.class, ClientReady::new),
    DISPLAY("verto.display", Direction.SERVER_TO_CLIENT, Display.class, Display::new),
    PING("verto.ping", Direction.BOTH, Ping.class, Ping::new),
    EVENT("verto.event", Direction.SERVER_TO_CLIENT, Event.class, Event::new),
    SUBSCRIBE("verto.subscribe", Direction.CLIENT_TO_SERVER, Subscribe.class, Subscribe::new),
    UNSUBSCRIBE("verto.unsubscribe", Direction.CLIENT_TO_SERVER, Unsubscribe.class, Unsubscribe::new),
    BROADCAST("verto.broadcast", Direction.CLIENT_TO_SERVER, Broadcast.class, Broadcast::new),
    ECHO("echo", Direction.CLIENT_TO_SERVER, Echo.class, Echo::new),
    PROMPT("verto.prompt", Direction.SERVER_TO_CLIENT, Prompt.class, Prompt::new),
    MEDIA_PARAMS("verto.mediaParams", Direction.SERVER_TO_CLIENT, MediaParams.class, MediaParams::new),
    ANNOUNCE("verto.announce", Direction.SERVER_TO_CLIENT, Announce.class, Announce::new);

    private static final Map<String, VertoMethod> BY_WIRE = new HashMap<>();
    private static final Map<Class<?>, VertoMethod> BY_TYPE = new HashMap<>();

    static {
        for (VertoMethod m : values()) {
            BY_WIRE.put(m.wireName, m);
            BY_TYPE.put(m.type, m);
        }
    }

    private final String wireName;
    private final Direction direction;
    private final Class<? extends VertoMessage> type;
    private final Function<ObjectNode, VertoMessage> factory;

    VertoMethod(
            String wireName,
            Direction direction,
            Class<? extends VertoMessage> type,
            Function<ObjectNode, VertoMessage> factory) {
        this.wireName = wireName;
        this.direction = direction;
        this.type = type;
        this.factory = factory;
    }

    public String wireName() {
        return wireName;
    }

    public Direction direction() {
        return direction;
    }

    public VertoMessage wrap(ObjectNode params) {
        return factory.apply(params);
    }

    /** The method for a wire name, empty for a method Verto does not define (answered -32601). */
    public static Optional<VertoMethod> fromWire(String wireName) {
        return Optional.ofNullable(BY_WIRE.get(wireName));
    }

    static VertoMethod of(VertoMessage message) {
        return BY_TYPE.get(message.getClass());
    }
}
