package org.sakshi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * picocli's published jar holds Java 5 class files, which no class-data archive stores; the build
 * compiles its sources for Java 21 into target/classes instead (pom: compiler execution "picocli",
 * shade filter), and the tests and the shipped jar load those.
 */
class PicocliClassFilesTest {
    private static final int JAVA_21 = 65;

    @Test
    void everyPicocliClassLoadedIsAJava21ClassFileFromTheBuildNotTheOldJar() throws IOException, URISyntaxException {
        URL where = CommandLine.class.getProtectionDomain().getCodeSource().getLocation();
        assertEquals("file", where.getProtocol(), "picocli should come from the build's classes folder, not " + where);
        Path root = Path.of(where.toURI());
        assertTrue(Files.isDirectory(root), "picocli was loaded from " + root + ", not from the recompiled classes");
        List<Path> classes = new ArrayList<>();
        try (Stream<Path> s = Files.list(root.resolve("picocli"))) {
            s.filter(p -> p.toString().endsWith(".class")).forEach(classes::add);
        }
        assertTrue(classes.size() > 200, "only " + classes.size() + " picocli classes in " + root);
        for (Path c : classes) {
            try (InputStream in = Files.newInputStream(c)) {
                assertTrue(majorVersion(in) >= JAVA_21, c + " is not a Java 21 class file");
            }
        }
        // the nested classes the commands use resolve to the same recompiled files
        for (Class<?> k : new Class<?>[] {CommandLine.Model.CommandSpec.class, CommandLine.Help.class,
                CommandLine.ParameterException.class}) {
            try (InputStream in = k.getResourceAsStream(k.getName().substring(k.getName().lastIndexOf('.') + 1) + ".class")) {
                assertNotNull(in, k.getName());
                assertTrue(majorVersion(in) >= JAVA_21, k.getName() + " is not a Java 21 class file");
            }
        }
    }

    @Test
    void picocliLicenceIsShippedBesideItsRecompiledClasses() throws IOException {
        try (InputStream in = CommandLine.class.getResourceAsStream("/META-INF/licenses/picocli-LICENSE.txt")) {
            assertNotNull(in, "picocli's licence is not in the build's resources");
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.contains("Apache License") && text.contains("Version 2.0"), "not the Apache licence");
            assertFalse(text.isBlank());
        }
    }

    private static int majorVersion(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        assertEquals(0xCAFEBABE, d.readInt(), "not a class file");
        d.readUnsignedShort(); // minor
        return d.readUnsignedShort();
    }
}
