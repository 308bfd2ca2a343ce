package io.lpr.cli;

import io.lpr.cluster.ClusterException;
import io.lpr.db.DatabaseException;
import io.lpr.model.ModelException;
import io.lpr.registry.RegistryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.apache.flink.util.ExceptionUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/** {@code ./lpr}: run the job locally, try the models on images, read the events back, measure speed. */
@Command(
        name = "lpr",
        mixinStandardHelpOptions = true,
        // -h and -V on every command, subcommands of subcommands included (`lpr cameras list --help`).
        scope = ScopeType.INHERIT,
        versionProvider = BuildVersion.class,
        description = "Reads Russian licence plates from video with Apache Flink.",
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            RecognizeCommand.class,
            QueryCommand.class,
            JourneysCommand.class,
            ServeCommand.class,
            CamerasCommand.class,
            BenchCommand.class,
            ClusterCommand.class,
            EvalCommand.class,
            CommandLine.HelpCommand.class
        })
public final class LprCli {
    private static final String JAVACPP_LOGGER = "org.bytedeco.javacpp.logger";

    public static void main(String[] args) {
        // JavaCV's own notes ("Info: ...") go to the log, not straight to stderr; read when its classes load.
        if (System.getProperty(JAVACPP_LOGGER) == null) {
            System.setProperty(JAVACPP_LOGGER, "slf4j");
        }
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new LprCli());
        cli.setExecutionExceptionHandler(LprCli::handle);
        withoutInheritedSettings(cli.getSubcommands().get("bench").getSubcommands().get("api"));
        HelpLayout.apply(cli);
        return cli;
    }

    /** {@code bench api} makes its own throw-away database: the settings {@code bench} hands down mean nothing there. */
    private static void withoutInheritedSettings(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        for (OptionSpec option : List.copyOf(spec.options())) {
            if (option.inherited() && !option.usageHelp() && !option.versionHelp()) {
                spec.remove(option);
            }
        }
    }

    /**
     * Problems users cause (a missing model, a bad camera, an unreadable file, a bad setting) are one line
     * naming the problem, wherever in the job they surfaced; anything else is a bug and keeps its trace.
     */
    static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        String problem = userProblem(e);
        if (problem != null) {
            err.println("lpr: " + problem);
            return 1;
        }
        e.printStackTrace(err);
        return 70;
    }

    static String userProblem(Throwable e) {
        for (Class<? extends Throwable> type :
                List.of(ModelException.class, UserException.class, ClusterException.class, DatabaseException.class, RegistryException.class,
                        IllegalArgumentException.class, IOException.class)) {
            var found = ExceptionUtils.findThrowable(e, type);
            if (found.isPresent()) {
                return found.get().getMessage();
            }
        }
        return null;
    }
}
