package com.example.rogue;

import com.acme.host.api.Greeter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plugin that does not honour the host's contract, and whose static initializer has side effects: if
 * any of its code ever ran, it would print a line and leave the file {@code rogue-was-here.txt}.
 */
public final class RogueGreeter implements Greeter {
    static {
        System.out.println("ROGUE CODE RAN");
        try {
            Files.writeString(Path.of(System.getProperty("rogue.marker", "rogue-was-here.txt")), "rogue code ran\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String greet(String who) {
        return "Whatever, " + who;
    }

    @Override
    public int apiLevel() {
        return 1;
    }
}
