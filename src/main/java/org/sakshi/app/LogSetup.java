package org.sakshi.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;

/**
 * The application's logging, set up in code (found by logback through {@code META-INF/services})
 * instead of from an XML file: reading XML took logback some 600 classes and a parser at every
 * start. Logs go to {@code sakshi.log} in {@link Main#logDir()} ({@code sakshi.logdir}, else
 * {@code ~/.sakshi/logs}), at INFO, rolled at 10 MB into {@code sakshi.1.log} .. {@code sakshi.5.log};
 * a line reads {@code 2026-11-30 12:00:00,123 INFO  [thread] logger - message}. The file is opened
 * when the first line is logged ({@link LazyFile}). The command line's
 * stderr belongs to {@code error:} lines, so nothing is logged to the console.
 *
 * <p>An XML configuration still wins when one is asked for: the {@code logback.configurationFile}
 * system property, or a {@code logback-test.xml} on the class path (the tests').
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext ctx) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LazyFile file = new LazyFile(Main.logDir().toString());
        file.setContext(ctx);
        file.setName("FILE");
        file.start();

        ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * The log file, opened when the first line is logged: most commands log nothing, and a pattern
     * layout and a rolling file cost a few hundred classes and their set-up at every start. The
     * lines and the file are those of a {@link RollingFileAppender} made here at once.
     */
    static final class LazyFile extends AppenderBase<ILoggingEvent> {
        private final String dir;
        private RollingFileAppender<ILoggingEvent> file;

        LazyFile(String dir) {
            this.dir = dir;
        }

        /** Called under the appender's lock ({@link AppenderBase#doAppend} is synchronized). */
        @Override
        protected void append(ILoggingEvent event) {
            if (file == null) {
                file = open();
            }
            file.doAppend(event);
        }

        /** True once a line was logged (the file is then open); for tests. */
        synchronized boolean opened() {
            return file != null;
        }

        private RollingFileAppender<ILoggingEvent> open() {
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(getContext());
            encoder.setPattern(PATTERN);
            encoder.start();

            RollingFileAppender<ILoggingEvent> f = new RollingFileAppender<>();
            f.setContext(getContext());
            f.setName("FILE");
            f.setFile(dir + "/sakshi.log");
            FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
            rolling.setContext(getContext());
            rolling.setParent(f);
            rolling.setFileNamePattern(dir + "/sakshi.%i.log");
            rolling.setMinIndex(1);
            rolling.setMaxIndex(5);
            rolling.start();
            SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
            size.setContext(getContext());
            size.setMaxFileSize(FileSize.valueOf("10MB"));
            size.start();
            f.setRollingPolicy(rolling);
            f.setTriggeringPolicy(size);
            f.setEncoder(encoder);
            f.start();
            return f;
        }

        @Override
        public synchronized void stop() {
            if (file != null) {
                file.stop();
            }
            super.stop();
        }
    }
}
