package io.lpr.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared helpers: exception messages on one line, the constructor check, the recursive delete. */
class MessagesTest {
    @TempDir
    Path dir;

    @Test
    void firstLineKeepsTheLineThatSaysWhatWentWrong() {
        assertThat(Messages.firstLine("  connection refused\n\tat driver.Foo\n")).isEqualTo("connection refused");
        assertThat(Messages.firstLine((String) null)).isEqualTo("unknown error");
        assertThat(Messages.firstLine(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void rootMessageIsTheInnermostCauseOrTheTracebacksLastLine() {
        Exception wrapped = new RuntimeException("outer", new IOException("disk\nfull"));
        assertThat(Messages.rootMessage(wrapped)).isEqualTo("disk full");
        Exception torch = new RuntimeException("Traceback (most recent call last):\n  File x\nRuntimeError: bad shape");
        assertThat(Messages.rootMessage(torch)).isEqualTo("RuntimeError: bad shape");
    }

    @Test
    void causeChainSaysEachMessageOnce() {
        Exception parse = new IllegalArgumentException("Could not parse value 'fast' for key 'lpr.camera.sample-fps'.",
                new NumberFormatException("For input string: \"fast\""));
        assertThat(Messages.causeChain(parse)).isEqualTo(
                "Could not parse value 'fast' for key 'lpr.camera.sample-fps'.: For input string: \"fast\"");
        assertThat(Messages.causeChain(new RuntimeException("same", new RuntimeException("same")))).isEqualTo("same");
    }

    @Test
    void requireRefusesWithTheMessage() {
        Require.that(true, "never");
        assertThatThrownBy(() -> Require.that(false, "lpr.x must be positive"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lpr.x must be positive");
    }

    @Test
    void deleteTreeRemovesAFolderWithEverythingInItAndToleratesWhatIsGone() throws IOException {
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve("a/b/c"));
        Files.writeString(root.resolve("a/b/c/file.txt"), "x");
        Files.writeString(root.resolve("top.txt"), "y");
        Folders.deleteTree(root);
        assertThat(root).doesNotExist();
        Folders.deleteTree(root);
        Path file = Files.writeString(dir.resolve("single.txt"), "z");
        Folders.deleteTree(file);
        assertThat(file).doesNotExist();
    }
}
