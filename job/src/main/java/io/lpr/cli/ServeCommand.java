package io.lpr.cli;

import io.lpr.db.Database;
import io.lpr.settings.LprSettings;
import io.lpr.settings.ServeConfig;
import io.lpr.stills.RecognitionService;
import io.lpr.web.RecognizeApi;
import java.io.IOException;
import org.apache.flink.configuration.Configuration;
import io.lpr.web.WebServer;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.util.ExceptionUtils;
import io.lpr.job.DatabaseOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Serves the events, their crops and the cameras as web pages and a JSON API until stopped; with {@code --recognize},
 * also reads the plates of images posted to it ({@link RecognizeApi}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the stored events and the cameras' status as web pages and a JSON API (read-only); "
                + "with --recognize, also reads the plates of posted images.")
final class ServeCommand implements Callable<Integer> {
    static final String TOKEN_ENV = WebServer.TOKEN_ENV;

    @Mixin
    SettingsOptions settingsOptions;

    @Mixin
    DatabaseOptions databaseOptions;

    @Mixin
    ModelOptions models;

    @Option(names = "--recognize", description = "Also serve POST /api/recognize (an image in, its plates out), "
            + "loading the models from --models.")
    boolean recognize;

    static final int DEFAULT_PORT = 8080;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + DEFAULT_PORT, description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}); any other than loopback needs $" + TOKEN_ENV + ".")
    String bind;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new UserException("--port " + port + " is not a TCP port (0 to 65535)");
        }
        String token = System.getenv(TOKEN_ENV);
        String weak = WebServer.tokenProblem(token);
        if (weak != null) {
            throw new UserException(weak);
        }
        if (!isLoopback(bind) && (token == null || token.isBlank())) {
            throw new UserException("--bind " + bind + " reaches beyond this machine: set " + TOKEN_ENV
                    + " to the access token clients must send (bearer token or basic-auth password)");
        }
        if (models.modelsDir != null && !recognize) {
            throw new UserException("--models is used only with --recognize, which serves POST /api/recognize");
        }
        Database database = databaseOptions.database(settingsOptions.configuration());
        CountDownLatch stopped = new CountDownLatch(1);
        PrintWriter out = spec.commandLine().getOut();
        try (WebServer server = start(database, token, recognizeApi(out))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "lpr-serve-stop"));
            out.printf("lpr: serving %s at http://%s:%d/ (Ctrl-C stops)%n", database.maskedUrl(), hostInUrl(bind),
                    server.port());
            out.flush();
            stopped.await();
        }
        return 0;
    }

    /** The models loaded and their queues started where --recognize asks for them. */
    private RecognizeApi recognizeApi(PrintWriter out) throws IOException {
        if (!recognize) {
            return RecognizeApi.off();
        }
        Configuration configuration = settingsOptions.configuration(models).build();
        LprSettings settings = LprSettings.from(configuration);
        ServeConfig serve = ServeConfig.from(configuration);
        RecognitionService service = RecognitionService.start(settings, serve.capacity());
        out.printf("lpr: recognizing plates with the models in %s (POST /api/recognize)%n", settings.models().path());
        return RecognizeApi.of(service, serve.maxBytes());
    }

    private WebServer start(Database database, String token, RecognizeApi recognizeApi) throws Exception {
        try {
            return WebServer.start(database.readOnly(), bind, port, token, recognizeApi);
        } catch (RuntimeException e) {
            recognizeApi.close();
            if (ExceptionUtils.findThrowable(e, BindException.class).isPresent()) {
                throw new UserException("cannot listen on " + hostInUrl(bind) + ":" + port
                        + ": the address is in use (another lpr serve?); give another --port");
            }
            throw e;
        }
    }

    /** The line that tells where to look at the events of {@code db} in a browser. */
    static String howToSee(String db) {
        String masked = Database.mask(db);
        String quoted = masked.matches("[A-Za-z0-9:/._@-]+") ? masked : "'" + masked.replace("'", "'\\''") + "'";
        String command = Database.DEFAULT_URL.equals(db) ? "./lpr serve" : "./lpr serve --db " + quoted;
        return "See them with their crops: " + command + "   then open http://127.0.0.1:" + DEFAULT_PORT + "/";
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new UserException("--bind " + host + ": no such address");
        }
    }

    private static String hostInUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
