package com.example.extension;

/** A helper class the pipeline contract also asks for. */
public class Foo {
    /** Returns the bar. */
    public String getBar() {
        return "bar";
    }
}
