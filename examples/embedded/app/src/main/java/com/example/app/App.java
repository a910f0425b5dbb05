package com.example.app;

import com.acme.framework.Framework;

import java.util.Map;

/** An application built on the ACME framework, satisfying the framework's import contract. */
public class App {
    public static final String APP_NAME = "greeter";

    public static void main(String[] args) throws Exception {
        Framework framework = Framework.start();
        System.out.println(framework.describe());
        framework.configure(Map.of("greeting", "hello"));
    }

    public void configure(Map<String, String> settings) {
        System.out.println(APP_NAME + " configured with " + settings);
    }
}
