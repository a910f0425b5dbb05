package com.example.polite;

import com.acme.host.api.Greeter;

/** A plugin that honours the host's contract. */
public final class PoliteGreeter implements Greeter {
    public static final int PLUGIN_API_LEVEL = 2;

    @Override
    public String greet(String who) {
        return "Good day, " + who + ".";
    }

    @Override
    public int apiLevel() {
        return PLUGIN_API_LEVEL;
    }
}
