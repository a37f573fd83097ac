package org.vertogw.island;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vertogw.testing.Await;
import org.vertogw.testing.VertoTestClient;

/**
 * Video in a conference room as FreeSWITCH's passthrough mode does it (docs/protocol.md §5.5, "Embedded island"):
 * no mixing, the floor holder's packets forwarded, a keyframe requested on every floor change.
 */
class IslandConferenceVideoTest extends ConferenceTestBase {

    /**
     * Video passthrough: the floor goes to the talker, whose video reaches the other member and who is asked for a
     * keyframe; a moderator's {@code vid-floor} moves it, with a keyframe request to the new holder.
     */
    @Test
    void theFloorHoldersVideoGoesToTheOthersWithAKeyframeRequestOnEveryFloorChange() throws Exception {
        ConferencePhone alice = phone("1000@a.example", 450);
        alice.dial("3000-moderator", true);
        alice.joined();
        ConferencePhone bob = phone("1001@a.example", 1000);
        bob.dial("3000", true);
        bob.joined();
        Await.until(
                "both phones connected",
                Duration.ofSeconds(60),
                () -> alice.endpoint.isConnected() && bob.endpoint.isConnected());
        talk(List.of(alice));
        talk.scheduleAtFixedRate(
                () -> List.of(alice, bob).forEach(ConferencePhone::sendVideo), 0, 33, TimeUnit.MILLISECONDS);
        Await.until(
                "alice, talking, holds the floor: asked for a keyframe, her video at bob",
                Duration.ofSeconds(30),
                () -> alice.plis.get() > 0 && bob.videoHeard.get() > 10);
        assertThat(alice.videoHeard.get())
                .as("bob's video while alice holds the floor")
                .isZero();
        alice.client.call("verto.subscribe", channels(alice.channel("laChannel"), alice.channel("modChannel")));
        ObjectNode floor = VertoTestClient.params()
                .put("application", "conf-control")
                .put("command", "vid-floor")
                .put("id", bob.memberId())
                .put("value", "force");
        broadcast(alice, alice.channel("modChannel"), floor);
        rowModified(alice, bob, "\"floor\":true", "bob's row holding the floor");
        Await.until(
                "bob is asked for a keyframe and his video reaches alice",
                Duration.ofSeconds(30),
                () -> bob.plis.get() > 0 && alice.videoHeard.get() > 10);
    }
}
