package org.vertogw.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertogw.protocol.jsonrpc.JsonRpcMessage;
import org.vertogw.protocol.jsonrpc.JsonRpcRequest;
import org.vertogw.protocol.message.VertoMethod;

class VertoCodecGoldenTest {

    private final VertoCodec codec = new VertoCodec();
    private final ObjectMapper mapper = new ObjectMapper();

    static List<ProtocolDocExamples.Example> examples() throws Exception {
        return ProtocolDocExamples.all();
    }

    @Test
    void theProtocolDocumentHasTheExamplesWeExpect() throws Exception {
        // 18 messages in json blocks and 14 in the happy-path transcript: a changed doc must be looked at.
        assertThat(examples()).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyDocumentedMessageSurvivesDecodeAndEncodeUnchanged(ProtocolDocExamples.Example example)
            throws Exception {
        JsonRpcMessage decoded = codec.decode(example.text());
        String encoded = codec.encode(decoded);
        assertThat(mapper.readTree(encoded)).isEqualTo(mapper.readTree(example.text()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyDocumentedRequestIsAKnownVertoMethodAndItsTypedViewKeepsEveryParam(
            ProtocolDocExamples.Example example) throws Exception {
        JsonRpcMessage decoded = codec.decode(example.text());
        if (decoded instanceof JsonRpcRequest request) {
            assertThat(VertoMethod.fromWire(request.method())).as(request.method()).isPresent();
            JsonNode viaTyped = VertoCodec.typed(request).orElseThrow().params();
            assertThat(viaTyped).isEqualTo(mapper.readTree(example.text()).get("params"));
        }
    }
}
