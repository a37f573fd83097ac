package org.vertogw.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar verto-gateway.jar [demo|gateway|island|route] ...}. With no subcommand it runs the demo.
 * Exit codes: 0 success, 1 failure at run time, 2 invalid input or usage.
 */
@Command(
        name = "verto-gateway",
        mixinStandardHelpOptions = true,
        version = "verto-gateway 0.1.0",
        description =
                "Verto gateway: WSS edge, island partitioning, signaling proxy and media relay for FreeSWITCH mod_verto.",
        subcommands = {DemoCommand.class, GatewayCommand.class, IslandCommand.class, RouteCommand.class})
public final class Main implements Runnable {

    @CommandLine.Mixin
    DemoOptions options = new DemoOptions();

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Console.err("error: " + e.getMessage());
            return 1;
        });
        int code = cl.execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        DemoCommand demo = new DemoCommand();
        demo.options = options;
        demo.run();
    }
}
