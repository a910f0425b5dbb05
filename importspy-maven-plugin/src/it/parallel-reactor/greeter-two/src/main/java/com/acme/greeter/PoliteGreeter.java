package com.acme.greeter;

import com.acme.spi.Greeter;

/** A plugin that meets the host's contract. */
public class PoliteGreeter implements Greeter {
    @Override
    public String greet(String who) {
        return "Good day, " + who;
    }
}
