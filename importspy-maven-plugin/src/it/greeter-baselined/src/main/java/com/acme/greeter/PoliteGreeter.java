package com.acme.greeter;

import com.acme.spi.Greeter;

/** A plugin that breaks the host's contract: it is not public, and it has no no-argument constructor. */
class PoliteGreeter implements Greeter {
    private final String greeting;

    PoliteGreeter(String greeting) {
        this.greeting = greeting;
    }

    @Override
    public String greet(String who) {
        return greeting + ", " + who;
    }
}
