package com.example.app;

import com.acme.framework.Framework;

/** An application that ignores the framework's contract: no configure(Map) method, no Framework-Api attribute. */
public class App {
    public static final String APP_NAME = "broken greeter";

    public static void main(String[] args) {
        Framework framework = Framework.start();
        System.out.println("never printed: " + framework.describe());
    }
}
