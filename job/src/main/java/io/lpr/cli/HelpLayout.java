package io.lpr.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help text wrapped at spaces only. Picocli wraps with the JDK's line BreakIterator, which also breaks after
 * {@code .}, {@code /} and {@code :}, so {@code lpr.camera.sample-fps} or a JDBC URL came out cut in two. Here picocli
 * lays each section out unwrapped and it is wrapped again at spaces, continued at the column picocli would use;
 * a token longer than a line stays whole.
 */
final class HelpLayout {
    static final int WIDTH = 80;
    /** Wider than any help line: picocli then never wraps. */
    private static final int UNWRAPPED = 10_000;
    /** Picocli indents a wrapped description by two more than its first line. */
    private static final int CONTINUATION = 2;

    private HelpLayout() {}

    /** Applies to {@code cli} and every subcommand under it. */
    static void apply(CommandLine cli) {
        cli.setUsageHelpWidth(UNWRAPPED);
        Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>(cli.getHelpSectionMap());
        sections.replaceAll((key, renderer) -> help -> wrap(key, renderer.render(help), help));
        cli.setHelpSectionMap(sections);
        cli.getSubcommands().values().forEach(HelpLayout::apply);
    }

    private static String wrap(String section, String text, Help help) {
        // The synopsis follows its "Usage: " heading on the same line.
        int heading = section.equals(UsageMessageSpec.SECTION_KEY_SYNOPSIS) ? "Usage: ".length() : 0;
        int column = section.equals(UsageMessageSpec.SECTION_KEY_OPTION_LIST)
                || section.equals(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST) ? descriptionColumn(help) : -1;
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = " ".repeat(heading) + lines[i];
            int indent = heading > 0 ? heading + help.commandSpec().qualifiedName().length() + 1
                    : column >= 0 ? column + CONTINUATION
                    : section.equals(UsageMessageSpec.SECTION_KEY_COMMAND_LIST) ? afterGap(line) + CONTINUATION
                    : line.length() - line.stripLeading().length();
            out.append(wrapLine(line, indent).substring(heading));
            if (i < lines.length - 1) {
                out.append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    /** Where picocli's option table starts each description. */
    private static int descriptionColumn(Help help) {
        Help.Column[] columns = help.createDefaultLayout().textTable().columns();
        int column = 0;
        for (int i = 0; i < columns.length - 1; i++) {
            column += columns[i].width;
        }
        return column + 1; // the description column's own indent of one
    }

    /** In the command list, where a command's description starts: after the gap that follows its name. */
    private static int afterGap(String line) {
        int gap = line.indexOf("  ", line.length() - line.stripLeading().length());
        if (gap < 0) {
            return line.length() - line.stripLeading().length();
        }
        while (gap < line.length() && line.charAt(gap) == ' ') {
            gap++;
        }
        return gap;
    }

    static String wrapLine(String line, int indent) {
        StringBuilder out = new StringBuilder();
        String rest = line;
        String pad = "";
        int text = line.length() - line.stripLeading().length();
        while ((pad + rest).length() > WIDTH) {
            String candidate = pad + rest;
            int cut = candidate.lastIndexOf(' ', WIDTH);
            if (cut <= text) {
                cut = candidate.indexOf(' ', WIDTH); // one token longer than the line: kept whole
                if (cut < 0) {
                    break;
                }
            }
            out.append(candidate, 0, cut).append(System.lineSeparator());
            rest = candidate.substring(cut).strip();
            pad = " ".repeat(Math.min(indent, WIDTH / 2));
            text = pad.length();
        }
        return out.append(pad).append(rest).toString();
    }
}
