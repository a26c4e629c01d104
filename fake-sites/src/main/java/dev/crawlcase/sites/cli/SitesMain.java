package dev.crawlcase.sites.cli;
public final class SitesMain { public static void main(String[] a) {} }
