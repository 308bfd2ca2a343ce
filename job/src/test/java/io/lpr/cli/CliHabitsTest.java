package io.lpr.cli;

import static io.lpr.cli.LprCliTest.CAR;
import static io.lpr.cli.LprCliTest.lpr;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.cli.LprCliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The habits every command shares, checked over the whole command tree rather than command by command. */
class CliHabitsTest {
    /** Commands that read or write the job's database. */
    private static final List<String> DATABASE_COMMANDS = List.of("run", "demo", "query", "journeys", "serve", "cameras",
            "cameras list", "cameras add", "cameras enable", "cameras disable", "cameras remove", "cameras status");
    /** Commands that never load a model. */
    private static final List<String> WITHOUT_MODELS = List.of("query", "journeys", "cameras", "cameras list",
            "cameras add", "cameras enable", "cameras disable", "cameras remove", "cameras status",
            "cluster start", "cluster stop", "cluster status", "cluster add-taskmanager");

    @TempDir
    Path dir;

    @Test
    void everyCommandsHelpWorks() {
        List<String> seen = new ArrayList<>();
        for (CommandSpec command : commands()) {
            List<String> args = new ArrayList<>(path(command));
            args.add("--help");
            Result r = lpr(args.toArray(String[]::new));
            assertThat(r.exit()).as("%s: %s", args, r.err()).isZero();
            assertThat(r.err()).as("%s", args).isEmpty();
            assertThat(r.out()).as("%s", args).startsWith("Usage: " + command.qualifiedName())
                    .contains("-h, --help").contains("-V, --version");
            seen.add(command.qualifiedName());
        }
        assertThat(seen).contains("lpr cameras list", "lpr cameras status", "lpr bench api", "lpr cluster stop");
    }

    @Test
    void helpWrapsAtSpacesNeverInsideAWordOrUrl() {
        Pattern token = Pattern.compile("\\S+");
        for (CommandSpec command : commands()) {
            String help = lpr(Stream.concat(path(command).stream(), Stream.of("--help")).toArray(String[]::new)).out();
            List<String> lines = help.lines().toList();
            for (String line : lines) {
                assertThat(line.length() <= HelpLayout.WIDTH || !line.strip().contains(" "))
                        .as("%s: a line over %d columns: %s", command.qualifiedName(), HelpLayout.WIDTH, line).isTrue();
            }
            // Every word of every description, URLs and lpr.* keys included, is on one line whole.
            for (String text : descriptions(command)) {
                Matcher words = token.matcher(text);
                while (words.find()) {
                    String word = words.group();
                    if (!word.contains("$") && !word.contains("%")) {
                        assertThat(lines).as("%s: '%s' whole on one line of%n%s", command.qualifiedName(), word, help)
                                .anyMatch(line -> Arrays.asList(line.split("\\s+")).contains(word));
                    }
                }
            }
        }
    }

    @Test
    void everyDatabaseCommandTakesDbAndUserAndRunAndDemoStillTakeSink() {
        for (CommandSpec command : commands()) {
            String name = command.qualifiedName().substring("lpr".length()).strip();
            if (DATABASE_COMMANDS.contains(name)) {
                assertThat(command.findOption("--db")).as(name).isNotNull();
                assertThat(command.findOption("--user")).as(name).isNotNull();
            }
        }
        CommandLine cli = LprCli.commandLine();
        for (String alias : List.of("run", "demo")) {
            OptionSpec sink = cli.getSubcommands().get(alias).getCommandSpec().findOption("--sink");
            assertThat(sink).as(alias).isNotNull();
            assertThat(sink.longestName()).isEqualTo("--sink");
            assertThat(Arrays.asList(sink.names())).contains("--db");
        }
    }

    @Test
    void noCommandOffersAFlagItDoesNotUse() {
        for (CommandSpec command : commands()) {
            String name = command.qualifiedName().substring("lpr".length()).strip();
            if (WITHOUT_MODELS.contains(name)) {
                assertThat(command.findOption("--models")).as(name).isNull();
            }
        }
        CommandSpec api = LprCli.commandLine().getSubcommands().get("bench").getSubcommands().get("api").getCommandSpec();
        assertThat(api.options()).extracting(OptionSpec::longestName)
                .containsExactlyInAnyOrder("--events", "--requests", "--image", "--recognize-requests", "--models",
                        "--help", "--version");
        Result query = lpr("query", "--models", "x");
        assertThat(query.exit()).isEqualTo(2);
        assertThat(query.err()).contains("Unknown options: '--models', 'x'");
    }

    @Test
    void versionIsTheBuildsVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<version>([^<$]+)</version>").matcher(pom);
        assertThat(version.find()).isTrue();
        for (List<String> args : List.of(List.of("-V"), List.of("--version"), List.of("cameras", "list", "-V"))) {
            Result r = lpr(args.toArray(String[]::new));
            assertThat(r.exit()).as("%s", args).isZero();
            assertThat(r.out().strip()).as("%s", args).isEqualTo("lpr " + version.group(1));
        }
    }

    @Test
    void aBadSettingValueIsRefusedByEveryCommandThatTakesSet() throws Exception {
        String db = "jdbc:sqlite:" + dir.resolve("plates.db");
        // What each command needs besides --set to get as far as reading its settings.
        Map<String, List<String>> needs = Map.of(
                "recognize", List.of(CAR.toString()),
                "eval", List.of(dir.toString()),
                "run", List.of("--camera", "a=" + dir.resolve("none.mp4")),
                "cameras add", List.of("gate", "rtsp://127.0.0.1:1/x"),
                "cameras enable", List.of("gate"),
                "cameras disable", List.of("gate"),
                "cameras remove", List.of("gate"),
                "serve", List.of("--port", "0"));
        List<String> checked = new ArrayList<>();
        for (CommandSpec command : commands()) {
            Object runs = command.userObject();
            if (command.findOption("--set") == null
                    || !(runs instanceof Callable || runs instanceof Runnable || runs instanceof Method)) {
                continue; // `lpr cameras` alone only lists its subcommands
            }
            String name = command.qualifiedName().substring("lpr".length()).strip();
            List<String> args = new ArrayList<>(path(command));
            args.addAll(needs.getOrDefault(name, List.of()));
            if (command.findOption("--db") != null) {
                args.addAll(List.of("--db", db));
            }
            args.addAll(List.of("--set", "lpr.camera.sample-fps=fast"));
            Result r = lpr(args.toArray(String[]::new));
            assertThat(r.exit()).as("%s: %s", args, r.err()).isEqualTo(1);
            assertThat(r.err()).as("%s", args).startsWith("lpr: ").contains("lpr.camera.sample-fps").contains("fast")
                    .doesNotContain("Exception").hasLineCount(1);
            checked.add(name);
        }
        assertThat(checked).contains("run", "demo", "recognize", "query", "serve", "bench", "eval", "cameras list",
                "cameras add", "cameras status");
    }

    /** Every command under {@code lpr}, itself included, but not picocli's {@code help}. */
    static List<CommandSpec> commands() {
        List<CommandSpec> all = new ArrayList<>();
        collect(LprCli.commandLine(), all);
        return all;
    }

    private static void collect(CommandLine cli, List<CommandSpec> all) {
        if (cli.getCommand() instanceof CommandLine.HelpCommand) {
            return;
        }
        all.add(cli.getCommandSpec());
        cli.getSubcommands().values().forEach(sub -> collect(sub, all));
    }

    /** The words after {@code lpr} that name the command. */
    private static List<String> path(CommandSpec command) {
        List<String> words = new ArrayList<>(Arrays.asList(command.qualifiedName().split(" ")));
        return words.subList(1, words.size());
    }

    private static List<String> descriptions(CommandSpec command) {
        List<String> texts = new ArrayList<>(Arrays.asList(command.usageMessage().description()));
        for (ArgSpec arg : command.args()) {
            texts.addAll(Arrays.asList(arg.description()));
        }
        return texts;
    }
}
