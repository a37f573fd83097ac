package org.vertogw.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertogw.protocol.codec.VertoCodec;
import org.vertogw.protocol.codec.VertoDecodeException;
import org.vertogw.protocol.jsonrpc.JsonRpcMessage;
import org.vertogw.protocol.jsonrpc.JsonRpcRequest;
import org.vertogw.protocol.message.VertoMessage;

/**
 * Any text frame a browser or an island sends (docs/protocol.md §1): the codec decodes it or refuses it with a
 * JSON-RPC error it can encode; what it decodes encodes back to a message that decodes to the same text; and every
 * accessor of the typed Verto message answers (a value or null) instead of throwing.
 */
class VertoJsonFuzzTest {

    private static final VertoCodec CODEC = new VertoCodec();

    static Stream<Arguments> golden() {
        return Stream.concat(
                Seeds.lines(Seeds.testdata("verto", "golden.jsonl")),
                Stream.of(
                        Seeds.text("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"verto.invite\",\"params\":{}}"),
                        Seeds.text("[{\"jsonrpc\":\"2.0\"}]"),
                        Seeds.text("{\"jsonrpc\":\"2.0\",\"id\":{},\"error\":{\"code\":-32000}}")));
    }

    @MethodSource("golden")
    @FuzzTest
    void decode(byte[] input) throws Exception {
        String text = new String(input, StandardCharsets.UTF_8);
        JsonRpcMessage message;
        try {
            message = CODEC.decode(text);
        } catch (VertoDecodeException e) {
            assertThat(CODEC.encode(e.toResponse())).startsWith("{");
            return;
        }
        String encoded = CODEC.encode(message);
        assertThat(CODEC.encode(CODEC.decode(encoded))).isEqualTo(encoded);
        if (message instanceof JsonRpcRequest request) {
            VertoCodec.typed(request).ifPresent(VertoJsonFuzzTest::readEverything);
        }
    }

    /** Calls every public no-argument accessor of the typed message, as the gateway and the island may. */
    private static void readEverything(VertoMessage message) {
        for (Method m : message.getClass().getMethods()) {
            if (m.getParameterCount() != 0
                    || Modifier.isStatic(m.getModifiers())
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                m.invoke(message);
            } catch (InvocationTargetException e) {
                throw new AssertionError(m.getName() + " threw on a decoded message", e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
