/**
 * The one strict JSON config reader of the crawler and the fake sites, below both: {@link dev.crawlcase.json.JsonFiles}
 * turns a file into a JSON object, {@link dev.crawlcase.json.JsonFields} reads it key by key, and
 * {@link dev.crawlcase.json.Check} and {@link dev.crawlcase.json.Range} are the value checks settings records make
 * in their constructors. Every problem is one {@link dev.crawlcase.json.ConfigException} line naming the key. Takes
 * Vert.x's {@code JsonObject}; imports nothing of crawlcase.
 */
package dev.crawlcase.json;
