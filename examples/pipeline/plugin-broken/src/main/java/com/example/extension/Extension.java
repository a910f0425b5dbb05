package com.example.extension;

import io.importspy.example.pipeline.Plugin;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks the pipeline contract on purpose: a wrong constant, a method that returns nothing, a
 * missing method, and an instance field of the wrong type.
 */
public class Extension extends Plugin {
    public static final String EXTENSION_NAME = "another_value";
    public static final int MAX_EXTENSIONS = 16;

    public String extensionInstanceName = "extension_instance_value";
    public ArrayList<Object> extensions = new ArrayList<>();

    /** Returns nothing, where the contract wants a String. */
    public void addExtension(String msg) {
        extensions.add(msg);
    }

    public void removeExtension() {
        if (!extensions.isEmpty()) {
            extensions.remove(extensions.size() - 1);
        }
    }

    // httpGetRequest() is missing.

    List<Object> snapshot() {
        return List.copyOf(extensions);
    }
}
