package org.vertogw.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vertogw.protocol.jsonrpc.ErrorCodes;
import org.vertogw.protocol.jsonrpc.JsonRpcError;
import org.vertogw.protocol.jsonrpc.JsonRpcRequest;
import org.vertogw.protocol.jsonrpc.JsonRpcResult;
import org.vertogw.protocol.message.Bye;
import org.vertogw.protocol.message.Invite;
import org.vertogw.protocol.message.Login;
import org.vertogw.protocol.message.Subscribe;

class VertoCodecTest {

    private final VertoCodec codec = new VertoCodec();

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "{\"jsonrpc\":\"2.0\",", "[1,2", "\"\\u12\"", ""})
    void unparseableTextIsAnInvalidRequestWithANullId(String text) {
        assertThatThrownBy(() -> codec.decode(text)).isInstanceOfSatisfying(VertoDecodeException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
            JsonRpcError response = e.toResponse();
            assertThat(response.id().isNull()).isTrue();
            assertThat(response.error().message()).isEqualTo("Invalid Request");
            assertThat(codec.encode(response)).contains("\"id\":null").contains("-32600");
        });
    }

    @Test
    void aMissingOrWrongJsonrpcVersionIsAnInvalidMessageThatKeepsTheId() {
        assertThatThrownBy(() -> codec.decode("{\"jsonrpc\":\"1.0\",\"method\":\"login\",\"id\":7}"))
                .isInstanceOfSatisfying(VertoDecodeException.class, e -> {
                    assertThat(e.toResponse().id()).isEqualTo(IntNode.valueOf(7));
                    assertThat(e.toResponse().error().message()).isEqualTo("Invalid message");
                });
        assertThatThrownBy(() -> codec.decode("{\"method\":\"login\",\"id\":8}"))
                .isInstanceOf(VertoDecodeException.class);
    }

    @Test
    void batchesScalarsAndNonObjectParamsAreRefusedWithAReason() {
        assertThatThrownBy(() -> codec.decode("[{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":1}]"))
                .hasMessageContaining("batches");
        assertThatThrownBy(() -> codec.decode("42")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> codec.decode("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[1],\"id\":1}"))
                .hasMessageContaining("params must be an object");
        assertThatThrownBy(() -> codec.decode("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":{\"a\":1}}"))
                .hasMessageContaining("id must be");
    }

    @Test
    void aMessageWithoutMethodIsMethodNotFoundAsFreeSwitchAnswersIt() {
        assertThatThrownBy(() -> codec.decode("{\"jsonrpc\":\"2.0\",\"id\":3}"))
                .isInstanceOfSatisfying(
                        VertoDecodeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND));
    }

    @Test
    void hostileNestingIsRefusedNotStackOverflowed() {
        String deep = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":1,\"params\":{\"a\":" + "[".repeat(5000)
                + "]".repeat(5000) + "}}";
        assertThatThrownBy(() -> codec.decode(deep)).isInstanceOf(VertoDecodeException.class);
    }

    @Test
    void duplicateKeysAreToleratedAndTheLastOneWins() throws Exception {
        JsonRpcError e = (JsonRpcError) codec.decode("{\"jsonrpc\":\"2.0\",\"id\":4,\"error\":{\"message\":"
                + "\"SDP missing\",\"code\":-32002,\"message\":\"CALL ERROR\"}}");
        assertThat(e.error().message()).isEqualTo("CALL ERROR");
        assertThat(e.error().code()).isEqualTo(-32002);
    }

    @Test
    void aNotificationStaysANotificationAndAnExplicitNullIdStaysNull() throws Exception {
        JsonRpcRequest n = (JsonRpcRequest) codec.decode("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{}}");
        assertThat(n.isNotification()).isTrue();
        assertThat(codec.encode(n)).doesNotContain("\"id\"");
        JsonRpcRequest z =
                (JsonRpcRequest) codec.decode("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{},\"id\":null}");
        assertThat(codec.encode(z)).contains("\"id\":null");
    }

    @Test
    void idsOfAnyScalarTypeAreEchoedAsTheyCame() throws Exception {
        JsonRpcResult r = (JsonRpcResult) codec.decode("{\"jsonrpc\":\"2.0\",\"id\":\"5\",\"result\":{}}");
        assertThat(codec.encode(r.withId(r.id()))).contains("\"id\":\"5\"");
        JsonRpcResult big = (JsonRpcResult) codec.decode("{\"jsonrpc\":\"2.0\",\"id\":98765432109876,\"result\":{}}");
        assertThat(codec.encode(big)).contains("98765432109876");
    }

    @Test
    void unmodelledFieldsSurviveASdpRewrite() throws Exception {
        JsonRpcRequest r = (JsonRpcRequest) codec.decode("{\"jsonrpc\":\"2.0\",\"method\":\"verto.invite\",\"id\":4,"
                + "\"params\":{\"sdp\":\"v=0\\r\\nold\",\"dialogParams\":{\"callID\":\"c1\",\"tag\":\"x\","
                + "\"videoParams\":{\"w\":1}},\"custom\":[1,2],\"sessid\":\"s\"}}");
        Invite invite = (Invite) VertoCodec.typed(r).orElseThrow();
        Invite rewritten = invite.withSdp("v=0\r\nnew");
        assertThat(rewritten.sdp()).isEqualTo("v=0\r\nnew");
        assertThat(invite.sdp()).isEqualTo("v=0\r\nold");
        assertThat(rewritten.callId()).isEqualTo("c1");
        String out = codec.encode(VertoCodec.request(r.id(), rewritten));
        assertThat(out)
                .contains("\"videoParams\":{\"w\":1}")
                .contains("\"custom\":[1,2]")
                .contains("\\r\\nnew");
    }

    @Test
    void typedViewsReadWhatVertoJsAndFreeSwitchSend() throws Exception {
        Login empty = (Login) VertoCodec.typed((JsonRpcRequest) codec.decode(
                        "{\"jsonrpc\":\"2.0\",\"method\":\"login\",\"params\":{\"sessid\":\"s\"},\"id\":1}"))
                .orElseThrow();
        assertThat(empty.hasCredentials()).isFalse();
        assertThat(empty.sessid()).isEqualTo("s");
        Bye bye = (Bye) VertoCodec.typed(
                        (JsonRpcRequest)
                                codec.decode(
                                        "{\"jsonrpc\":\"2.0\",\"method\":\"verto.bye\",\"params\":{\"callID\":\"c\",\"causeCode\":\"17\"},\"id\":1}"))
                .orElseThrow();
        assertThat(bye.callId()).isEqualTo("c");
        assertThat(bye.causeCode()).isEqualTo(17);
        Subscribe sub = (Subscribe) VertoCodec.typed(
                        (JsonRpcRequest)
                                codec.decode(
                                        "{\"jsonrpc\":\"2.0\",\"method\":\"verto.subscribe\",\"params\":{\"eventChannel\":[\"a\",\"b\"]},\"id\":1}"))
                .orElseThrow();
        assertThat(sub.eventChannels()).containsExactly("a", "b");
    }

    @Test
    void unknownMethodsHaveNoTypedView() throws Exception {
        JsonRpcRequest r = (JsonRpcRequest) codec.decode("{\"jsonrpc\":\"2.0\",\"method\":\"verto.nope\",\"id\":1}");
        assertThat(VertoCodec.typed(r)).isEmpty();
    }
}
