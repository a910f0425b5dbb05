package io.importspy.bench;

import java.nio.file.Path;

/**
 * Prints, as JSON, how many classes each lazy validation reads: the "what is read" the scaling figures
 * are divided by. Run by bench/run.sh beside the JMH suite.
 */
public final class ReadCounts {
    private ReadCounts() {
    }

    public static void main(String[] args) {
        Path guava = MeasuredJars.jar("guava");
        StringBuilder json = new StringBuilder("{");
        LazyValidation real = new LazyValidation(GeneratedContracts.resource("guava-20.yml"), "guava-20.yml", guava)
                .requireCompliant();
        json.append("\"guava20\": ").append(real.classesRead());
        for (int n : new int[] {1, 10, 100, 1000}) {
            LazyValidation generated = new LazyValidation(GeneratedContracts.ofClasses(guava, n),
                    "guava-" + n + ".yml", guava).requireCompliant();
            json.append(", \"generated").append(n).append("\": ").append(generated.classesRead());
        }
        System.out.println(json.append('}'));
    }
}
