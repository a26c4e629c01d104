/**
 * The one strict JSON config reader of the crawler and the fake sites, below both: {@link dev.crawlcase.json.JsonFiles}
 * turns a file into a JSON object, {@link dev.crawlcase.json.JsonFields} reads it key by key, and
 * {@link dev.crawlcase.json.Check} and {@link dev.crawlcase.json.Range} are the value checks settings records make
 * in their constructors. Every problem is one {@link dev.crawlcase.json.ConfigException} line naming the key.
 * {@link dev.crawlcase.json.ConfigFile} is the one rule for where a command's config comes from (flag, config/NAME
 * here, the copy in the jar) and what the paths written in it are relative to; {@link dev.crawlcase.json.OutputPaths}
 * the one check of an output path before any work and the one whole-or-nothing write of a small output. Takes
 * Vert.x's {@code JsonObject}; imports nothing of crawlcase.
 */
package dev.crawlcase.json;
