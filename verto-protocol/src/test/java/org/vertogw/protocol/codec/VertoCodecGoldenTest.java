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

    static List<GoldenMessages.Example> examples() throws Exception {
        return GoldenMessages.all();
    }

    @Test
    void theGoldenFileHoldsEveryExample() throws Exception {
        // every message kind of docs/protocol.md: a shrunken file must be looked at
        assertThat(examples()).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyDocumentedMessageSurvivesDecodeAndEncodeUnchanged(GoldenMessages.Example example) throws Exception {
        JsonRpcMessage decoded = codec.decode(example.text());
        String encoded = codec.encode(decoded);
        assertThat(mapper.readTree(encoded)).isEqualTo(mapper.readTree(example.text()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyDocumentedRequestIsAKnownVertoMethodAndItsTypedViewKeepsEveryParam(GoldenMessages.Example example)
            throws Exception {
        JsonRpcMessage decoded = codec.decode(example.text());
        if (decoded instanceof JsonRpcRequest request) {
            assertThat(VertoMethod.fromWire(request.method()))
                    .as(request.method())
                    .isPresent();
            JsonNode viaTyped = VertoCodec.typed(request).orElseThrow().params();
            assertThat(viaTyped).isEqualTo(mapper.readTree(example.text()).get("params"));
        }
    }
}
