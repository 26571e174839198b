package org.sakshi.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Main class of the small jar {@link ClassDataRelaunchProcessTest} builds: relaunches as {@link Main}
 * does, then reports from whichever JVM runs the work. Arguments: COMMAND EXIT_CODE|sleep.
 */
public final class RelaunchProbe {
    private RelaunchProbe() {
    }

    public static void main(String[] args) throws Exception {
        ClassDataRelaunch.maybeRelaunch(args);
        System.out.println("pid " + ProcessHandle.current().pid());
        System.out.println("relaunched " + System.getProperty(ClassDataRelaunch.MARK));
        System.out.println("maxheap " + Runtime.getRuntime().maxMemory());
        System.out.flush();
        if (args[1].equals("sleep")) {
            Thread.sleep(120_000);
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("stdin " + in.readLine());
        System.err.println("to stderr");
        System.exit(Integer.parseInt(args[1]));
    }
}
