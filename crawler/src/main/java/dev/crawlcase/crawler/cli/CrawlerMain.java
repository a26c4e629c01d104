package dev.crawlcase.crawler.cli;
public final class CrawlerMain { public static void main(String[] a) {} }
