package io.lpr.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Every log line of the process, at every level, while open: logger, message and the text of any
 * exception. The appenders already there keep the level they had.
 */
public final class LogCapture implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final LoggerConfig root = context.getConfiguration().getRootLogger();
    private final Level previousLevel = root.getLevel();
    private final AbstractAppender appender = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
        @Override
        public void append(LogEvent event) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                    .append(event.getMessage().getFormattedMessage());
            for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                line.append(" | ").append(t);
            }
            lines.add(line.toString());
        }
    };

    private final Map<String, Appender> others = Map.copyOf(root.getAppenders());

    public LogCapture() {
        Configuration config = context.getConfiguration();
        appender.start();
        config.addAppender(appender);
        others.forEach((name, other) -> {
            root.removeAppender(name);
            root.addAppender(other, previousLevel, null);
        });
        root.addAppender(appender, Level.ALL, null);
        root.setLevel(Level.ALL);
        context.updateLoggers();
    }

    public List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        root.removeAppender(appender.getName());
        others.forEach((name, other) -> {
            root.removeAppender(name);
            root.addAppender(other, null, null);
        });
        root.setLevel(previousLevel);
        context.updateLoggers();
        appender.stop();
    }
}
