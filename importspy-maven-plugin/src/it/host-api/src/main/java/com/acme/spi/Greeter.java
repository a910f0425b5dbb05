package com.acme.spi;

/** What the host calls on every greeter plugin. */
public interface Greeter {
    String greet(String who);
}
