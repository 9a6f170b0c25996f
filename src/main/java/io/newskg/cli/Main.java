package io.newskg.cli;
public class Main { public static void main(String[] a) {} }
