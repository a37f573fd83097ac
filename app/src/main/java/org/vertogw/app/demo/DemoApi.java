package org.vertogw.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.vertogw.island.Directory;

/**
 * {@code GET /v1/demo}: the demo's logins and password, so that the demo page can offer them. Mounted only by the
 * demo cluster; a production gateway has no such resource.
 */
public final class DemoApi extends Handler.Abstract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] body;

    public DemoApi(String echoExtension) {
        ObjectNode b = JSON.createObjectNode();
        ArrayNode users = b.putArray("users");
        for (String d : Directory.DEMO_DOMAINS) {
            for (int u = 1000; u <= 1003; u++) {
                users.add(u + "@" + d);
            }
        }
        b.put("password", Directory.DEMO_PASSWORD);
        b.put("echo", echoExtension);
        this.body = b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!"/v1/demo".equals(Request.getPathInContext(request))) {
            return false;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
