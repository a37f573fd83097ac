package org.vertogw.gateway.admin;

import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The operator console at {@code /admin/} (docs/operations.md, "Operator console"): static files from the gateway
 * jar ({@code web/admin/}), with nothing fetched from elsewhere. The page holds no secret; it asks for the admin
 * token and uses the admin API. Served with a content security policy that allows only this origin's own scripts,
 * styles and requests, and no framing.
 */
public final class ConsolePage {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static Handler handler(Server server) {
        Resource files = ResourceFactory.of(server).newClassLoaderResource("web/admin/");
        ContextHandler context = new ContextHandler("/admin");
        ResourceHandler h = new ResourceHandler();
        h.setBaseResource(files);
        h.setDirAllowed(false);
        h.setWelcomeFiles(List.of("index.html"));
        context.setHandler(new Handler.Wrapper(h) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                response.getHeaders().put("Content-Security-Policy", POLICY);
                response.getHeaders().put("X-Content-Type-Options", "nosniff");
                response.getHeaders().put("Referrer-Policy", "no-referrer");
                response.getHeaders().put("Cache-Control", "no-cache");
                return super.handle(request, response, callback);
            }
        });
        return context;
    }

    private ConsolePage() {}
}
