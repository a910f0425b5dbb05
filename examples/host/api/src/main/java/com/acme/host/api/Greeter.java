package com.acme.host.api;

/** The host's plugin service: found with {@link java.util.ServiceLoader} in each plugin JAR. */
public interface Greeter {
    /** API level plugins are compiled against. */
    int API_LEVEL = 2;

    /** A greeting for {@code who}. */
    String greet(String who);

    /** The API level the plugin was written for; the contract requires a constant {@code API_LEVEL}. */
    int apiLevel();
}
