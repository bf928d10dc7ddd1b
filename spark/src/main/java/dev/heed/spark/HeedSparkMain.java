package dev.heed.spark;

public final class HeedSparkMain {
    public static void main(String[] args) {
    }
}
