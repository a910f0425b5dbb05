package com.example.extension;

/** Lacks getBar(), which the contract requires. */
public class Foo {
    public String getBaz() {
        return "baz";
    }
}
