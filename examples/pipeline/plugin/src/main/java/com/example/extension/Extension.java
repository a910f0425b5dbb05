package com.example.extension;

import io.importspy.example.pipeline.Plugin;

import java.util.ArrayList;
import java.util.List;

/** A pipeline plugin that keeps a list of extensions. */
public class Extension extends Plugin {
    /** Class field: the extension's name. */
    public static final String EXTENSION_NAME = "extension_value";
    /** Class field: how many extensions one instance keeps at most. */
    public static final int MAX_EXTENSIONS = 16;

    /** Instance field: the name of this instance. */
    public String extensionInstanceName = "extension_instance_value";
    /** Instance field: the extensions added so far. */
    public List<String> extensions = new ArrayList<>();

    public Extension() {
        pluginName = "plugin name";
    }

    /** Adds an extension and returns a confirmation. */
    public String addExtension(String msg) {
        extensions.add(msg);
        return "added " + msg;
    }

    /** Removes the last extension, if any. */
    public void removeExtension() {
        if (!extensions.isEmpty()) {
            extensions.remove(extensions.size() - 1);
        }
    }

    /** Pretends to fetch a page; the example makes no network call. */
    public String httpGetRequest() {
        return "200 OK";
    }
}
