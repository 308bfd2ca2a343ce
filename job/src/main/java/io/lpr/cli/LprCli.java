package io.lpr.cli;

import io.lpr.cluster.ClusterException;
import io.lpr.db.DatabaseException;
import io.lpr.model.ModelException;
import io.lpr.registry.RegistryException;
import java.io.IOException;
import java.io.PrintWriter;
import org.apache.flink.util.ExceptionUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code ./lpr}: run the job locally, try the models on images, read the events back, measure speed. */
@Command(
        name = "lpr",
        mixinStandardHelpOptions = true,
        version = "lpr 0.1.0",
        description = "Reads Russian licence plates from video with Apache Flink.",
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            RecognizeCommand.class,
            QueryCommand.class,
            ServeCommand.class,
            CamerasCommand.class,
            BenchCommand.class,
            ClusterCommand.class,
            EvalCommand.class,
            CommandLine.HelpCommand.class
        })
public final class LprCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new LprCli());
        cli.setExecutionExceptionHandler(LprCli::handle);
        return cli;
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
                java.util.List.of(ModelException.class, UserException.class, ClusterException.class, DatabaseException.class, RegistryException.class,
                        IllegalArgumentException.class, IOException.class)) {
            var found = ExceptionUtils.findThrowable(e, type);
            if (found.isPresent()) {
                return found.get().getMessage();
            }
        }
        return null;
    }
}
