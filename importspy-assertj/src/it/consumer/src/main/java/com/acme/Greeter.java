package com.acme;

/** The plugin under test. */
public class Greeter {
    public static final String NAME = "greeter";

    public String greet(String who) {
        return "Hello, " + who;
    }
}
